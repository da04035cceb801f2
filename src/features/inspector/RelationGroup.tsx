/** One relation type's relations in the inspector: a heading with the count (and an optional action), then a row each. */
import { useState, type ReactNode } from 'react';
import type { Model } from '../../model/core/model';
import type { RelationRecord } from '../../model/format/schema';
import { RelationRow } from './RelationRow';

/** Rows a group shows at first, and adds each time more are asked for. */
const ROWS_PER_PAGE = 50;

export function RelationGroup({
  model,
  type,
  relations,
  action,
}: {
  model: Model;
  type: string;
  relations: RelationRecord[];
  action?: ReactNode;
}) {
  const label = model.relationTypes.get(type)?.label ?? type;
  // A hub of a large dataset has thousands of relations of one type: rows come a page at a time.
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const more = relations.length - shown;
  return (
    <section className="relation-group" aria-label={`${label}: ${relations.length}`}>
      <h4>
        <span>
          {label} <span className="count">{relations.length}</span>
        </span>
        {action}
      </h4>
      <ul className="relation-list">
        {relations.slice(0, shown).map((r) => (
          <RelationRow key={r.id} model={model} relation={r} />
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="link show-more" onClick={() => setShown(shown + ROWS_PER_PAGE)}>
          Show {Math.min(more, ROWS_PER_PAGE)} more of {more.toLocaleString('en')}
        </button>
      )}
    </section>
  );
}
