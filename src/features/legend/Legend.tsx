/**
 * Entity types (colour, shape, icon) and edge styles by status, with counts of what is drawn; when nodes are
 * coloured by community, the communities drawn with their colours, from the same store data as the canvas.
 */
import { useMemo } from 'react';
import { EntityIcon } from '../../components/EntityIcon';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../model/style/entity-style';
import { ENTITY_TYPES, STATUS_EXPLANATIONS, STATUSES } from '../../model/core/vocabulary';
import { useThreadline } from '../../store/context';
import { selectCommunityLegend, selectSubgraph } from '../../store/selectors';

export function Legend() {
  const model = useThreadline((s) => s.model);
  const subgraph = useThreadline(selectSubgraph);
  const communities = useThreadline(selectCommunityLegend);
  const counts = useMemo(() => {
    const types = new Map<string, number>();
    for (const id of subgraph.entityIds) {
      const t = model?.entities.get(id)?.type;
      if (t) types.set(t, (types.get(t) ?? 0) + 1);
    }
    const statuses = new Map<string, number>();
    for (const r of subgraph.relations) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    return { types, statuses };
  }, [model, subgraph]);
  return (
    <section className="legend" aria-label="Legend">
      <ul>
        {ENTITY_TYPES.filter((t) => counts.types.has(t)).map((t) => (
          <li key={t}>
            <EntityIcon type={t} size={14} />
            {ENTITY_LOOKS[t].label} <span className="count">{counts.types.get(t)}</span>
          </li>
        ))}
      </ul>
      {communities.length > 0 && (
        <ul aria-label="Communities" data-testid="legend-communities">
          {communities.map((c) => (
            <li key={c.label} data-colour={c.colour}>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="6" fill={c.colour} />
              </svg>
              {c.label} <span className="count">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
      <ul>
        {STATUSES.filter((s) => counts.statuses.has(s)).map((s) => (
          <li key={s} title={STATUS_EXPLANATIONS[s]}>
            <svg className="status-line" width="22" height="8" aria-hidden="true">
              <line
                x1="1"
                y1="4"
                x2="21"
                y2="4"
                stroke={STATUS_LOOKS[s].color}
                strokeWidth="2"
                strokeDasharray={
                  STATUS_LOOKS[s].line === 'dashed'
                    ? '5 3'
                    : STATUS_LOOKS[s].line === 'dotted'
                      ? '1.5 2.5'
                      : undefined
                }
              />
            </svg>
            {STATUS_LOOKS[s].label} <span className="count">{counts.statuses.get(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
