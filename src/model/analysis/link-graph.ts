/** The entity-to-entity graph analysis walks: relations as undirected steps, quotes and evidence left out, filters applied. */
import type { Filters } from '../filters';
import type { Model } from '../model';
import type { RelationRecord } from '../schema';
import { entityVisibleUnder, relationIndexVisibleUnder } from '../subgraph';
import { STATUSES, type Status } from '../vocabulary';

export interface LinkOptions {
  filters: Filters;
  /** The weakest status a step may have (STATUSES runs from firmest to weakest); null allows all. */
  weakestStatus?: Status | null;
}

export interface LinkGraph {
  has(id: string): boolean;
  /** Distinct neighbouring entities, sorted by id so every walk is deterministic. */
  neighbours(id: string): readonly string[];
  /** The relations joining two entities, either way round, firmest status first. */
  relationsBetween(a: string, b: string): readonly RelationRecord[];
  /** Relations touching an entity under these options. */
  degree(id: string): number;
}

const rank = (s: Status) => STATUSES.indexOf(s);
const pairKey = (a: string, b: string) => (a < b ? `${a}>${b}` : `${b}>${a}`);

/** Whether a status is at least as firm as `weakest`. */
export const statusAllowed = (status: Status, weakest: Status | null | undefined): boolean =>
  !weakest || rank(status) <= rank(weakest);

export function buildLinkGraph(model: Model, options: LinkOptions): LinkGraph {
  const { filters, weakestStatus } = options;
  const adjacency = new Map<string, Set<string>>();
  const between = new Map<string, RelationRecord[]>();
  const degree = new Map<string, number>();
  for (const e of model.entities.keys())
    if (entityVisibleUnder(model, filters, e)) adjacency.set(e, new Set());
  const ids = model.data.entities;
  const columns = model.data.relations;
  for (let k = 0; k < columns.id.length; k++) {
    if (!relationIndexVisibleUnder(model, filters, k)) continue;
    if (!statusAllowed(STATUSES[columns.status[k]!]!, weakestStatus)) continue;
    const source = ids[columns.source[k]!]!.id;
    const target = ids[columns.target[k]!]!.id;
    const a = adjacency.get(source);
    const b = adjacency.get(target);
    if (!a || !b) continue;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    if (source !== target) degree.set(target, (degree.get(target) ?? 0) + 1);
    // A self-loop is a relation but never a step anywhere.
    if (source === target) continue;
    a.add(target);
    b.add(source);
    const key = pairKey(source, target);
    const list = between.get(key);
    if (list) list.push(model.relationAt(k));
    else between.set(key, [model.relationAt(k)]);
  }
  const sorted = new Map<string, string[]>();
  for (const [id, set] of adjacency) sorted.set(id, [...set].sort());
  for (const list of between.values())
    list.sort((x, y) => rank(x.status) - rank(y.status) || x.id.localeCompare(y.id));
  return {
    has: (id) => adjacency.has(id),
    neighbours: (id) => sorted.get(id) ?? [],
    relationsBetween: (a, b) => between.get(pairKey(a, b)) ?? [],
    degree: (id) => degree.get(id) ?? 0,
  };
}
