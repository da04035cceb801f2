/**
 * The relationship loom: sentences where two accepted entities are named together, best first, with the
 * proposed type and status. Keyboard-first: j/k move, Enter makes the sentence a relation (or more
 * evidence for the pair's relation), s skips it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { suggestLoom } from '../../data/authoring-client';
import type { Draft } from '../../model/authoring/draft';
import { acceptCandidate } from '../../model/authoring/draft-ops-loom';
import { loomKey, type LoomCandidate } from '../../model/authoring/loom';
import { StatusBadge } from '../../components/StatusBadge';
import { useActions } from '../../store/context';

const WINDOW = 40;

export function LoomPane({ draft }: { draft: Draft }) {
  const { editDraft, notify } = useActions();
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [candidates, setCandidates] = useState<LoomCandidate[] | null>(null);
  const [at, setAt] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    suggestLoom(draft, skipped).then(
      (c) => live && setCandidates(c),
      (e: unknown) =>
        live && (setCandidates([]), notify('error', `The loom could not be woven: ${String(e)}`)),
    );
    return () => {
      live = false;
    };
  }, [draft, skipped, notify]);

  const names = new Map(draft.entities.map((e) => [e.id, e.name]));
  const types = new Map(draft.relationTypes.map((t) => [t.id, t.label]));
  const current = candidates?.[Math.min(at, (candidates?.length ?? 1) - 1)];
  // Only a window of rows around the current one is drawn: the article weaves hundreds, and drawing them all
  // after every accepted sentence made one long task.
  const first = Math.max(0, Math.min(at - WINDOW / 2, (candidates?.length ?? 0) - WINDOW));

  useEffect(() => {
    list.current?.querySelector('.is-current')?.scrollIntoView({ block: 'nearest' });
  }, [at, candidates]);

  const accept = (c: LoomCandidate) => {
    const r = editDraft((d) => acceptCandidate(d, c));
    if (!r.ok) notify('error', r.error);
    else
      notify(
        'info',
        c.existingRelation ? 'Added the sentence as evidence.' : 'Relation added from the loom.',
      );
  };
  const skip = (c: LoomCandidate) => setSkipped(new Set(skipped).add(loomKey(c)));

  const onKey = (e: KeyboardEvent) => {
    if (!candidates || !current || e.ctrlKey || e.metaKey || e.altKey) return;
    const keys: Record<string, () => void> = {
      j: () => setAt(Math.min(at + 1, candidates.length - 1)),
      ArrowDown: () => setAt(Math.min(at + 1, candidates.length - 1)),
      k: () => setAt(Math.max(at - 1, 0)),
      ArrowUp: () => setAt(Math.max(at - 1, 0)),
      Enter: () => accept(current),
      s: () => skip(current),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    // The explorer's own keys (arrows walk relations, Enter goes to the evidence) stay out of the loom.
    e.stopPropagation();
    act();
  };

  if (candidates === null)
    return (
      <p className="build-pane muted" aria-busy="true">
        Weaving the loom…
      </p>
    );
  if (candidates.length === 0)
    return (
      <p className="build-pane muted">
        No sentence names two accepted entities{skipped.size ? ' that was not skipped' : ''}. Accept more
        mentions first.
      </p>
    );
  return (
    <div className="build-pane">
      <p className="muted build-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> accept · <kbd>s</kbd> skip — {candidates.length}{' '}
        sentences
      </p>
      <ul
        ref={list}
        className="build-list loom"
        role="listbox"
        aria-label="Loom: sentences naming two entities"
        aria-activedescendant={current ? `loom-${Math.min(at, candidates.length - 1)}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        data-testid="loom"
      >
        {candidates.slice(first, first + WINDOW).map((c, k) => {
          const i = first + k;
          const text = draft.texts[c.sourceId] ?? '';
          const isCurrent = c === current;
          return (
            <li
              key={loomKey(c)}
              id={`loom-${i}`}
              role="option"
              aria-selected={isCurrent}
              className={`loom-item${isCurrent ? ' is-current' : ''}`}
              onClick={() => setAt(i)}
            >
              <div className="loom-pair">
                <strong>{names.get(c.a)}</strong>{' '}
                <span className="loom-type">
                  {c.proposedType ? types.get(c.proposedType) : 'no type fits'}
                </span>{' '}
                <strong>{names.get(c.b)}</strong> <StatusBadge status={c.proposal.status} />
                {c.existingRelation && <span className="muted"> · more evidence</span>}
              </div>
              <div className="loom-sentence">{text.slice(c.sentence.start, c.sentence.end)}</div>
              {isCurrent && (
                <div className="build-actions">
                  <button type="button" className="primary" onClick={() => accept(c)}>
                    Accept
                  </button>
                  <button type="button" onClick={() => skip(c)}>
                    Skip
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {candidates.length > WINDOW && (
        <p className="muted build-hint">
          Showing {first + 1}–{Math.min(first + WINDOW, candidates.length)} of {candidates.length}; j and k
          move on.
        </p>
      )}
    </div>
  );
}
