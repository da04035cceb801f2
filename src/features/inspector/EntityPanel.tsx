/** Inspector for an entity: who or what it is, its relations by type, and the exploring actions. */
import { useMemo } from 'react';
import { EntityIcon } from '../../components/EntityIcon';
import { baseTypeOf, entityTypeLabel } from '../../model/core/entity-types';
import { dateLabel } from '../../components/date-label';
import type { Model } from '../../model/core/model';
import { filteredRelationsOf } from '../../model/core/subgraph';
import { expansionCount } from '../../store/explore-ops';
import { useActions, useThreadline } from '../../store/context';
import { ConnectButton } from '../paths/ConnectButton';
import { groupByType } from './group-by-type';
import { HubPrompt } from './HubPrompt';
import { RelationGroup } from './RelationGroup';

export function EntityPanel({ model, id }: { model: Model; id: string }) {
  const entity = model.entities.get(id)!;
  const filters = useThreadline((s) => s.filters);
  const view = useThreadline((s) => s.view);
  const hubPrompt = useThreadline((s) => s.hubPrompt);
  const { expand, collapse, hide } = useActions();

  const groups = useMemo(() => groupByType(filteredRelationsOf(model, filters, id)), [model, filters, id]);
  const newNeighbours = expansionCount(view, model, filters, id);
  const canCollapse = [...view.addedBy.values()].includes(id);
  const date = dateLabel(entity.date);

  return (
    <section className="entity-panel" aria-labelledby="inspector-title">
      <header className="panel-head">
        <EntityIcon type={baseTypeOf(model, entity.type)} size={22} />
        <div>
          <h2 id="inspector-title">{entity.name}</h2>
          <p className="muted">
            {entityTypeLabel(model, entity.type)}
            {entity.role ? ` · ${entity.role}` : ''}
            {date ? ` · ${date}` : ''}
          </p>
        </div>
      </header>
      {entity.aliases && entity.aliases.length > 0 && (
        <p className="aliases">
          <span className="muted">Also: </span>
          {entity.aliases.join(', ')}
        </p>
      )}
      <p className="description">{entity.description}</p>
      <div className="actions" role="group" aria-label="Explore">
        <button type="button" onClick={() => expand(id)} disabled={newNeighbours === 0}>
          Expand{newNeighbours > 0 ? ` (+${newNeighbours})` : ''}
        </button>
        <button type="button" onClick={() => collapse(id)} disabled={!canCollapse}>
          Collapse
        </button>
        <button type="button" onClick={() => hide([id])} disabled={!view.visible.has(id)}>
          Hide
        </button>
        <ConnectButton id={id} />
      </div>
      {hubPrompt?.entityId === id && <HubPrompt model={model} id={id} count={hubPrompt.candidates} />}
      <h3>
        Relations <span className="count">{groups.reduce((n, [, rs]) => n + rs.length, 0)}</span>
      </h3>
      {groups.length === 0 && <p className="muted">No relations pass the current filters.</p>}
      {groups.map(([type, relations]) => {
        const hiddenOnes = expansionCount(view, model, filters, id, type);
        return (
          <RelationGroup
            key={type}
            model={model}
            type={type}
            relations={relations}
            action={
              hiddenOnes > 0 && (
                <button type="button" className="link" onClick={() => expand(id, { relationType: type })}>
                  expand {hiddenOnes}
                </button>
              )
            }
          />
        );
      })}
    </section>
  );
}
