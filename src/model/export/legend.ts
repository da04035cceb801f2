/** The legend an image carries: the entity types and relation statuses that are drawn, in the vocabulary's order. */
import { ENTITY_LOOKS, STATUS_LOOKS } from '../style/entity-style';
import { ENTITY_TYPES, STATUSES } from '../core/vocabulary';
import type { ExportGraph } from './export-graph';
import { communitiesDrawn, OTHER_COMMUNITY_COLOUR } from '../style/community-palette';

export type LegendEntry =
  | { kind: 'entity'; label: string; shape: string; color: string }
  | { kind: 'community'; label: string; color: string }
  | { kind: 'status'; label: string; color: string; dash?: number[] };

/** The dash patterns the canvas uses for each line style, in pixels at 1×. */
export const DASHES: Record<'solid' | 'dashed' | 'dotted', number[] | undefined> = {
  solid: undefined,
  dashed: [6, 4],
  dotted: [1.5, 2.5],
};

export function legendOf(graph: ExportGraph): LegendEntry[] {
  const types = new Set(graph.nodes.map((n) => n.type));
  const statuses = new Set(graph.edges.map((e) => e.status));
  const communities = graph.communities
    ? communitiesDrawn(
        graph.nodes.map((n) => n.id),
        graph.communities,
      )
    : [];
  return [
    ...ENTITY_TYPES.filter((t) => types.has(t)).map((t): LegendEntry => ({
      kind: 'entity',
      label: ENTITY_LOOKS[t].label,
      shape: ENTITY_LOOKS[t].shape,
      // Coloured by community, a type is told by its shape alone.
      color: communities.length > 0 ? OTHER_COMMUNITY_COLOUR : ENTITY_LOOKS[t].color,
    })),
    ...communities.map((c): LegendEntry => ({ kind: 'community', label: c.label, color: c.colour })),
    ...STATUSES.filter((s) => statuses.has(s)).map((s): LegendEntry => {
      const dash = DASHES[STATUS_LOOKS[s].line];
      return {
        kind: 'status',
        label: STATUS_LOOKS[s].label,
        color: STATUS_LOOKS[s].color,
        ...(dash ? { dash } : {}),
      };
    }),
  ];
}
