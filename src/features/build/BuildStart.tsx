/** Before anything is authored: start an empty dataset, edit the open one, or reopen a saved draft. */
import { DraftList } from '../build-io';
import { useActions, useThreadline } from '../../store/context';

export function BuildStart() {
  const title = useThreadline((s) => s.model?.dataset.title ?? 'this dataset');
  const { startDraft, editOpenDataset, notify } = useActions();
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
            const done = editOpenDataset();
            if (!done.ok) notify('info', done.reason);
          }}
        >
          Edit {title}
        </button>
      </div>
      <DraftList onOpen={(draft) => startDraft(draft)} />
    </div>
  );
}
