/** The visible graph as lists, kept in step with the canvas, for screen readers and keyboard users. */
import { useRef, useState } from 'react';
import { entityTypeLabel } from '../../model/core/entity-types';
import { useReturnFocus } from '../../components/use-return-focus';
import { useActions, useThreadline } from '../../store/context';
import { selectSubgraph } from '../../store/selectors';
import { RelationRow } from '../inspector/RelationRow';
import { InOrderList } from './InOrderList';

export function ListView() {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const model = useThreadline((s) => s.model);
  const subgraph = useThreadline(selectSubgraph);
  const { selectEntity } = useActions();
  const [order, setOrder] = useState<'kind' | 'time'>('kind');
  if (!model) return null;
  return (
    <section ref={panel} className="list-view" aria-label="Visible graph as a list" data-testid="list-view">
      <div className="list-modes" role="group" aria-label="List">
        <button type="button" aria-pressed={order === 'kind'} onClick={() => setOrder('kind')}>
          By kind
        </button>
        <button type="button" aria-pressed={order === 'time'} onClick={() => setOrder('time')}>
          In order
        </button>
      </div>
      {order === 'time' ? (
        <InOrderList model={model} subgraph={subgraph} />
      ) : (
        <>
          <h2>
            Entities <span className="count">{subgraph.entityIds.length}</span>
          </h2>
          <ul className="entity-list">
            {subgraph.entityIds.map((id) => {
              const e = model.entities.get(id)!;
              return (
                <li key={id}>
                  <button type="button" className="link" onClick={() => selectEntity(id)}>
                    {e.name}
                  </button>{' '}
                  <span className="muted">{entityTypeLabel(model, e.type)}</span>
                </li>
              );
            })}
          </ul>
          <h2>
            Relations <span className="count">{subgraph.relations.length}</span>
          </h2>
          <ul className="relation-list">
            {subgraph.relations.map((r) => (
              <RelationRow key={r.id} model={model} relation={r} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
