/** Before anything is authored: start an empty dataset, edit the open one, or reopen a saved draft. */
import { useEffect, useState } from 'react';
import { listDrafts, loadDraft, type DraftSummary } from '../../data/drafts-db';
import { useActions, useThreadline } from '../../store/context';

export function BuildStart() {
  const title = useThreadline((s) => s.model?.dataset.title ?? 'this dataset');
  const { startDraft, editOpenDataset, notify } = useActions();
  const [saved, setSaved] = useState<DraftSummary[] | null>(null);

  useEffect(() => {
    let live = true;
    listDrafts().then(
      (list) => live && setSaved(list),
      () => live && setSaved([]),
    );
    return () => {
      live = false;
    };
  }, []);

  const reopen = async (key: string) => {
    const draft = await loadDraft(key).catch(() => undefined);
    if (draft) startDraft(draft);
    else notify('error', 'That draft could not be read from this browser’s storage.');
  };

  return (
    <div className="build-start">
      <p>Build a graph from your own texts: every relation rests on a verbatim quote.</p>
      <div className="build-actions">
        <button type="button" className="primary" onClick={() => startDraft()}>
          New dataset
        </button>
        <button
          type="button"
          onClick={() => {
            if (!editOpenDataset())
              notify('info', 'The quotes of this dataset are still loading; try again in a moment.');
          }}
        >
          Edit {title}
        </button>
      </div>
      {saved && saved.length > 0 && (
        <section aria-labelledby="build-saved">
          <h3 id="build-saved">Saved drafts</h3>
          <ul className="build-list">
            {saved.map((d) => (
              <li key={d.key}>
                <button type="button" className="link" onClick={() => void reopen(d.key)}>
                  {d.title}
                </button>
                <span className="muted">
                  {' '}
                  {d.entities} entities · {d.relations} relations · {new Date(d.updatedAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
