/** The entity-to-entity graph analysis walks: relations as undirected steps, quotes and evidence left out, filters applied. */
import type { Filters } from '../core/filters';
import { someRelationBetween, type Model } from '../core/model';
import type { RelationRecord } from '../format/schema';
import { entityVisibleUnder, relationIndexVisibleUnder, someFilteredRelationOf } from '../core/subgraph';
import { STATUSES, type Status } from '../core/vocabulary';

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

/**
 * The link graph over the model's own adjacency, answered on demand: a path search visits a few thousand
 * entities, not the 500k relations a prebuilt graph would have to index first (seconds at 100k).
 */
export function buildLinkGraph(model: Model, options: LinkOptions): LinkGraph {
  const { filters, weakestStatus } = options;
  // Statuses are stored as their rank, firmest first.
  const weakest = weakestStatus ? rank(weakestStatus) : STATUSES.length;
  const { entities, relations } = model.data;
  const firmEnough = (k: number) => relations.status[k]! <= weakest;
  const sorted = new Map<string, string[]>();
  const has = (id: string) => entityVisibleUnder(model, filters, id);
  return {
    has,
    neighbours(id) {
      let list = sorted.get(id);
      if (!list) {
        const self = model.index.entity.get(id);
        const rows = new Set<number>();
        if (has(id))
          someFilteredRelationOf(model, filters, id, (k, other) => {
            // A self-loop is a relation but never a step anywhere.
            if (other !== self && firmEnough(k)) rows.add(other);
          });
        list = [...rows].map((row) => entities[row]!.id).sort();
        sorted.set(id, list);
      }
      return list;
    },
    relationsBetween(a, b) {
      if (a === b || !has(a) || !has(b)) return [];
      const out: RelationRecord[] = [];
      someRelationBetween(model, a, b, (k) => {
        if (firmEnough(k) && relationIndexVisibleUnder(model, filters, k)) out.push(model.relationAt(k));
      });
      return out.sort((x, y) => rank(x.status) - rank(y.status) || x.id.localeCompare(y.id));
    },
    degree(id) {
      let n = 0;
      if (has(id))
        someFilteredRelationOf(model, filters, id, (k) => {
          if (firmEnough(k)) n++;
        });
      return n;
    },
  };
}
