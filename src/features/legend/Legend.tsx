/**
 * Entity types (colour, shape, icon) and edge styles by status, with counts of what is drawn; how many sources
 * a line's width stands for and what a contested line looks like; when nodes are coloured by community, the
 * communities drawn with their colours, from the same store data as the canvas.
 */
import { useMemo } from 'react';
import { EntityIcon } from '../../components/EntityIcon';
import { corroborationOf, isContested } from '../../model/core/claims';
import { baseTypeOf } from '../../model/core/entity-types';
import {
  CORROBORATION_WIDTHS,
  CONTESTED_LINE,
  contestedCoreWidth,
  corroborationWidth,
} from '../../model/style/corroboration-style';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../model/style/entity-style';
import { ENTITY_TYPES, STATUS_EXPLANATIONS, STATUSES, type Status } from '../../model/core/vocabulary';
import { useThreadline } from '../../store/context';
import { selectCommunityLegend, selectSubgraph } from '../../store/selectors';

const dashOf = (s: Status) =>
  STATUS_LOOKS[s].line === 'dashed' ? '5 3' : STATUS_LOOKS[s].line === 'dotted' ? '1.5 2.5' : undefined;

function LineSample({
  colour,
  width,
  dash,
  core,
}: {
  colour: string;
  width: number;
  dash?: string;
  core?: number;
}) {
  return (
    <svg className="status-line" width="22" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="21" y2="5" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
      {core !== undefined && <line x1="1" y1="5" x2="21" y2="5" stroke="#ffffff" strokeWidth={core} />}
    </svg>
  );
}

const CAP = CORROBORATION_WIDTHS.sources;

export function Legend() {
  const model = useThreadline((s) => s.model);
  const subgraph = useThreadline(selectSubgraph);
  const communities = useThreadline(selectCommunityLegend);
  // Corroboration is read from the quotes: a compact dataset's arrive after its model.
  const evidenceVersion = useThreadline((s) => s.evidenceVersion);
  const counts = useMemo(() => {
    const types = new Map<string, number>();
    for (const id of subgraph.entityIds) {
      const t = model?.entities.get(id)?.type;
      if (t) types.set(t, (types.get(t) ?? 0) + 1);
    }
    const statuses = new Map<string, number>();
    for (const r of subgraph.relations) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const sources = new Map<number, number>();
    let contested = 0;
    if (model)
      for (const r of subgraph.relations) {
        const n = Math.min(CAP, Math.max(1, corroborationOf(model, r.id)));
        sources.set(n, (sources.get(n) ?? 0) + 1);
        if (isContested(model, r.id)) contested++;
      }
    return { types, statuses, sources, contested };
    // evidenceVersion: recounted when the quotes arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, subgraph, evidenceVersion]);
  if (!model) return null;
  // Base types first, in their usual order, each followed by the dataset's own types drawn like it.
  const rank = (t: string) => ENTITY_TYPES.indexOf(baseTypeOf(model, t));
  const declared = (t: string) => Number(baseTypeOf(model, t) !== t);
  const typeOrder = [...counts.types.keys()].sort(
    (a, b) => rank(a) - rank(b) || declared(a) - declared(b) || a.localeCompare(b),
  );
  const showSources = model.sources.size > 1 || counts.contested > 0;
  return (
    // Focusable: on a phone the key scrolls, and a scrolling region must be reachable from the keyboard.
    <section className="legend" aria-label="Legend" tabIndex={0}>
      <ul>
        {typeOrder.map((t) => (
          <li key={t}>
            <EntityIcon type={baseTypeOf(model, t)} size={14} />
            {model.entityTypes.get(t)?.label ?? ENTITY_LOOKS[baseTypeOf(model, t)].label}{' '}
            <span className="count">{counts.types.get(t)}</span>
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
            <LineSample colour={STATUS_LOOKS[s].color} width={2} dash={dashOf(s)} />
            {STATUS_LOOKS[s].label} <span className="count">{counts.statuses.get(s)}</span>
          </li>
        ))}
      </ul>
      {showSources && (
        <ul aria-label="Sources behind a line" data-testid="legend-sources">
          {[...counts.sources.keys()]
            .sort((a, b) => a - b)
            .map((n) => (
              <li
                key={n}
                data-sources={n}
                title={`A line this wide rests on ${n === CAP ? `${n} or more` : n} independent ${n === 1 ? 'source' : 'sources'}`}
              >
                <LineSample colour="#52606d" width={corroborationWidth(n)} />
                {n === CAP ? `${n}+` : n} {n === 1 ? 'source' : 'sources'}{' '}
                <span className="count">{counts.sources.get(n)}</span>
              </li>
            ))}
          {counts.contested > 0 && (
            <li
              data-testid="legend-contested"
              title="Affirmed and denied or refuted, by the sources or within one"
            >
              <LineSample
                colour="#52606d"
                width={contestedCoreWidth(1) + CONTESTED_LINE.rails}
                core={contestedCoreWidth(1)}
              />
              Contested <span className="count">{counts.contested}</span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
