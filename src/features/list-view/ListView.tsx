/** The visible graph as lists, kept in step with the canvas, for screen readers and keyboard users. */
import { useRef } from 'react';
import { entityTypeLabel } from '../../model/core/entity-types';
import { useReturnFocus } from '../../components/use-return-focus';
import { useActions, useThreadline } from '../../store/context';
import { selectSubgraph } from '../../store/selectors';
import { RelationRow } from '../inspector/RelationRow';

export function ListView() {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const model = useThreadline((s) => s.model);
  const subgraph = useThreadline(selectSubgraph);
  const { selectEntity } = useActions();
  if (!model) return null;
  return (
    <section ref={panel} className="list-view" aria-label="Visible graph as a list" data-testid="list-view">
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
    </section>
  );
}
