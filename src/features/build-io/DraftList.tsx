/**
 * The drafts saved in this browser, most recent first: each can be reopened or deleted (after a
 * confirmation, and never the one being edited, which would only be saved again).
 */
import { useEffect, useState } from 'react';
import { deleteDraft, listDrafts, loadDraft, type DraftSummary } from '../../data/drafts-db';
import type { Draft } from '../../model/authoring/draft';
import './build-io.css';

export interface DraftListProps {
  /** The draft being edited, if any: shown as such, and not deletable. */
  currentKey?: string | null;
  /** Read the list again when this changes (pass the save state, so a draft just saved shows). */
  refreshToken?: unknown;
  onOpen(draft: Draft): void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DraftList({ currentKey = null, refreshToken, onOpen }: DraftListProps) {
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  // Bumped after a deletion, so the list is read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    listDrafts().then(
      (list) => live && setDrafts(list),
      (e: unknown) => {
        if (!live) return;
        setDrafts([]);
        setError(
          `Saved drafts cannot be read in this browser (${e instanceof Error ? e.message : String(e)}).`,
        );
      },
    );
    return () => {
      live = false;
    };
  }, [currentKey, version, refreshToken]);

  const open = async (key: string) => {
    const draft = await loadDraft(key).catch(() => undefined);
    if (!draft) return setError('That draft could not be read from this browser’s storage.');
    setError(null);
    onOpen(draft);
  };

  const remove = async (key: string) => {
    setConfirming(null);
    try {
      await deleteDraft(key);
      setError(null);
    } catch (e) {
      setError(`The draft could not be deleted (${e instanceof Error ? e.message : String(e)}).`);
    }
    setVersion((v) => v + 1);
  };

  if (drafts === null) return <p className="muted">Looking for saved drafts…</p>;
  return (
    <section className="build-io-drafts" aria-label="Saved drafts">
      {error && (
        <p className="build-io-error" role="alert">
          {error}
        </p>
      )}
      {drafts.length === 0 ? (
        <p className="muted">No draft is saved in this browser yet.</p>
      ) : (
        <ul className="build-io-list">
          {drafts.map((d) => (
            <li key={d.key} data-testid="saved-draft">
              <span className="build-io-draft-name">
                {d.key === currentKey ? (
                  <strong>{d.title} (open)</strong>
                ) : (
                  <button type="button" className="link" onClick={() => void open(d.key)}>
                    {d.title}
                  </button>
                )}
                <span className="muted">
                  {[
                    count(d.sources, 'source', 'sources'),
                    count(d.entities, 'entity', 'entities'),
                    count(d.relations, 'relation', 'relations'),
                    `edited ${new Date(d.updatedAt).toLocaleString()}`,
                  ].join(' · ')}
                </span>
              </span>
              {d.key === currentKey ? null : confirming === d.key ? (
                <span className="build-io-row">
                  <span>Delete “{d.title}” for good?</span>
                  <button type="button" className="danger" onClick={() => void remove(d.key)}>
                    Delete
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" aria-label={`Delete ${d.title}`} onClick={() => setConfirming(d.key)}>
                  Delete…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
