/**
 * The legend an image carries: the entity types and relation statuses that are drawn, in the vocabulary's order. A
 * dataset's own type ("Vessel") is named by its label in the entry of the base type it is drawn as.
 */
import { ENTITY_LOOKS, STATUS_LOOKS } from '../style/entity-style';
import { ENTITY_TYPES, STATUSES, type EntityType } from '../core/vocabulary';
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
  // One entry per base type drawn, in the vocabulary's order: declared types look like their base, so they share
  // its entry, named after every type drawn that way ("Organization, Vessel").
  const labels = new Map<EntityType, Set<string>>();
  for (const n of graph.nodes) {
    const set = labels.get(n.baseType) ?? new Set<string>();
    labels.set(n.baseType, set.add(n.typeLabel));
  }
  const types = ENTITY_TYPES.flatMap((base) => {
    const drawn = labels.get(base);
    if (!drawn) return [];
    const own = ENTITY_LOOKS[base].label;
    const declared = [...drawn].filter((l) => l !== own).sort((a, b) => a.localeCompare(b));
    return [{ base, label: [...(drawn.has(own) ? [own] : []), ...declared].join(', ') }];
  });
  const statuses = new Set(graph.edges.map((e) => e.status));
  const communities = graph.communities
    ? communitiesDrawn(
        graph.nodes.map((n) => n.id),
        graph.communities,
      )
    : [];
  return [
    ...types.map((t): LegendEntry => ({
      kind: 'entity',
      label: t.label,
      shape: ENTITY_LOOKS[t.base].shape,
      // Coloured by community, a type is told by its shape alone.
      color: communities.length > 0 ? OTHER_COMMUNITY_COLOUR : ENTITY_LOOKS[t.base].color,
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
