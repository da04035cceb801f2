/** Delete, after saying what goes with the record; the deletion is one step that undo brings back. */
import { useState } from 'react';
import type { Draft } from '../../model/authoring/draft';
import {
  consequencesOfDeleting,
  deleteEntity,
  deleteQuote,
  deleteRelation,
  deleteRelationType,
  deleteSource,
  type OpResult,
} from '../../model/authoring/draft-ops';
import { useActions } from '../../store/context';
import { counted } from '../../lib/counted';

export type Deletable = 'entity' | 'relation' | 'quote' | 'source' | 'relationType';

const DELETE: Record<Deletable, (d: Draft, id: string) => OpResult> = {
  entity: deleteEntity,
  relation: deleteRelation,
  quote: deleteQuote,
  source: deleteSource,
  relationType: deleteRelationType,
};

const unattributed = (n: number) =>
  n === 1 ? '1 quote loses its speaker or occasion' : `${n} quotes lose their speaker or occasion`;

export function DeleteButton({
  draft,
  kind,
  id,
  name,
}: {
  draft: Draft;
  kind: Deletable;
  id: string;
  name: string;
}) {
  const { editDraft, notify } = useActions();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="link danger"
        onClick={() => setAsking(true)}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
    );
  const c = consequencesOfDeleting(draft, { kind, id });
  const goes = [
    c.relations.length ? counted(c.relations.length, 'relation') : '',
    c.quotes.length ? counted(c.quotes.length, 'quote') : '',
  ].filter(Boolean);
  return (
    <div className="build-confirm" role="alertdialog" aria-label={`Delete ${name}?`}>
      <p>
        Delete <strong>{name}</strong>
        {goes.length ? <>, with {goes.join(' and ')} that rest on it</> : null}
        {c.unattributed.length ? <>; {unattributed(c.unattributed.length)}</> : null}?
      </p>
      {c.relations.length > 0 && (
        <ul className="build-consequences">
          {c.relations.slice(0, 8).map((r) => (
            <li key={r}>{r}</li>
          ))}
          {c.relations.length > 8 && <li>… and {c.relations.length - 8} more</li>}
        </ul>
      )}
      <div className="build-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            const r = editDraft((d) => DELETE[kind](d, id));
            if (r.ok) notify('info', `Deleted ${name}. Undo (Ctrl+Z) brings it back.`);
            else notify('error', r.error);
            setAsking(false);
          }}
        >
          Delete
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
