/**
 * Parallel relations between one pair of entities, drawn as one edge with a count. Seventeen curves between
 * Trump and Putin are unreadable, and hundreds between two hubs cost Cytoscape seconds to route; one edge
 * says how many there are and opens onto the list in the inspector.
 */
import type { RelationRecord } from '../format/schema';

/** From this many relations between two entities on, they are drawn as one edge. Three curves still read. */
export const BUNDLE_AT = 4;

/** The unordered pair, as one string: entity ids are slugs, so "~" cannot occur in them. */
export const pairId = (a: string, b: string): string => (a <= b ? `${a}~${b}` : `${b}~${a}`);

export function pairEnds(id: string): [string, string] | null {
  const parts = id.split('~');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

/** The canvas id of a pair's bundled edge; relation ids are slugs, so the prefix cannot collide. */
export const bundleEdgeId = (pair: string): string => `pair:${pair}`;

export interface ParallelGroup {
  pair: string;
  /** The pair's ends in id order: the edge is drawn from `a` to `b`, without an arrow. */
  a: string;
  b: string;
  relations: RelationRecord[];
}

export interface Drawing {
  /** Relations drawn as edges of their own. */
  single: RelationRecord[];
  bundles: ParallelGroup[];
  /** The group each bundled relation is drawn in. */
  groupOf: ReadonlyMap<string, ParallelGroup>;
}

/** Relations by pair, pairs in order of first appearance. */
export function groupByPair(relations: Iterable<RelationRecord>): Map<string, RelationRecord[]> {
  const byPair = new Map<string, RelationRecord[]>();
  for (const r of relations) {
    const key = pairId(r.source, r.target);
    const list = byPair.get(key);
    if (list) list.push(r);
    else byPair.set(key, [r]);
  }
  return byPair;
}

/** Splits the drawn relations into those drawn alone and the bundles; `bundle: false` draws every one alone. */
export function drawRelations(relations: readonly RelationRecord[], bundle: boolean): Drawing {
  if (!bundle) return { single: [...relations], bundles: [], groupOf: new Map() };
  const byPair = groupByPair(relations);
  const single: RelationRecord[] = [];
  const bundles: ParallelGroup[] = [];
  const groupOf = new Map<string, ParallelGroup>();
  for (const [pair, list] of byPair) {
    if (list.length < BUNDLE_AT) {
      single.push(...list);
      continue;
    }
    const [a, b] = pairEnds(pair) ?? [list[0]!.source, list[0]!.target];
    const group = { pair, a, b, relations: list };
    bundles.push(group);
    for (const r of list) groupOf.set(r.id, group);
  }
  return { single, bundles, groupOf };
}

/** "17 relations". */
export const bundleLabel = (count: number): string => `${count} relations`;

/** The canvas edge standing for a relation: its own, or the one of the group it is drawn in. */
export function drawnEdgeId(drawing: Drawing, relationId: string): string {
  const group = drawing.groupOf.get(relationId);
  return group ? bundleEdgeId(group.pair) : relationId;
}
