/** Inspector for a pair of entities with several relations between them: every one, by type, each opening its evidence. */
import { useMemo } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { Model } from '../../model/core/model';
import { pairEnds, pairId } from '../../model/core/parallel-relations';
import { STATUSES } from '../../model/core/vocabulary';
import { useActions, useThreadline } from '../../store/context';
import { selectSubgraph } from '../../store/selectors';
import { groupByType } from './group-by-type';
import { RelationGroup } from './RelationGroup';

export function PairPanel({ model, id }: { model: Model; id: string }) {
  const subgraph = useThreadline(selectSubgraph);
  const parallel = useThreadline((s) => s.display.parallel);
  const { selectEntity, setDisplay } = useActions();
  const relations = useMemo(
    () => subgraph.relations.filter((r) => pairId(r.source, r.target) === id),
    [subgraph, id],
  );
  const groups = useMemo(() => groupByType(relations), [relations]);
  const ends = pairEnds(id);
  if (!ends) return null;
  const name = (e: string) => model.entities.get(e)?.name ?? e;
  const statuses = STATUSES.map((s) => [s, relations.filter((r) => r.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );

  return (
    <section className="pair-panel" aria-labelledby="inspector-title">
      <p className="muted kicker">Relations between</p>
      <h2 id="inspector-title">
        {name(ends[0])} and {name(ends[1])}
      </h2>
      <p className="relation-facts" aria-label="Statuses">
        {statuses.map(([status, n]) => (
          <span key={status} className="status-count">
            <StatusBadge status={status} /> {n}
          </span>
        ))}
      </p>
      <div className="actions" role="group" aria-label="Ends">
        {[...new Set(ends)].map((e) => (
          <button type="button" key={e} className="link" onClick={() => selectEntity(e)}>
            {name(e)}
          </button>
        ))}
        {parallel === 'bundle' && (
          <button type="button" onClick={() => setDisplay({ parallel: 'separate' })}>
            Draw each relation apart
          </button>
        )}
      </div>
      <h3>
        Relations <span className="count">{relations.length}</span>
      </h3>
      {relations.length === 0 && <p className="muted">No relations between them pass the current filters.</p>}
      {groups.map(([type, list]) => (
        <RelationGroup key={type} model={model} type={type} relations={list} />
      ))}
    </section>
  );
}
