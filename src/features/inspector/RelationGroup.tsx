/** One relation type's relations in the inspector: a heading with the count (and an optional action), then a row each. */
import type { ReactNode } from 'react';
import type { Model } from '../../model/model';
import type { RelationRecord } from '../../model/schema';
import { RelationRow } from './RelationRow';

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
  return (
    <section className="relation-group" aria-label={`${label}: ${relations.length}`}>
      <h4>
        <span>
          {label} <span className="count">{relations.length}</span>
        </span>
        {action}
      </h4>
      <ul className="relation-list">
        {relations.map((r) => (
          <RelationRow key={r.id} model={model} relation={r} />
        ))}
      </ul>
    </section>
  );
}
