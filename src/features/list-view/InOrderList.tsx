/** The drawn graph's dated events and relations, earliest first; each opens its evidence in the inspector. */
import { useMemo } from 'react';
import { dateLabel } from '../../components/date-label';
import { inOrder } from '../../model/analysis/chronology';
import { timelineData } from '../../model/analysis/timeline';
import type { Model } from '../../model/core/model';
import type { Subgraph } from '../../model/core/subgraph';
import { useActions } from '../../store/context';

export function InOrderList({ model, subgraph }: { model: Model; subgraph: Subgraph }) {
  const { selectEntity, selectRelation } = useActions();
  const items = useMemo(() => inOrder(timelineData(model, subgraph).items), [model, subgraph]);
  const undated = subgraph.entityIds.length + subgraph.relations.length - items.length;
  const specOf = (kind: 'entity' | 'relation', id: string) =>
    kind === 'entity' ? model.entities.get(id)?.date : model.relations.get(id)?.date;
  return (
    <>
      <h2>
        In order <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 && <p className="muted">Nothing drawn has a date.</p>}
      <ol className="in-order-list">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`} data-kind={item.kind} data-id={item.id}>
            <span className="in-order-date">{dateLabel(specOf(item.kind, item.id)) ?? ''}</span>
            <button
              type="button"
              className="link"
              onClick={() => (item.kind === 'entity' ? selectEntity(item.id) : selectRelation(item.id))}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ol>
      {undated > 0 && (
        <p className="muted">
          {undated} drawn {undated === 1 ? 'item has' : 'items have'} no date.
        </p>
      )}
    </>
  );
}
