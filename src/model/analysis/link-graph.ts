/** The entity-to-entity graph analysis walks: relations as undirected steps, quotes and evidence left out, filters applied. */
import type { Filters } from '../core/filters';
import { someRelationBetween, type Model } from '../core/model';
import type { RelationRecord } from '../format/schema';
import { entityVisibleUnder, relationIndexVisibleUnder, someFilteredRelationOf } from '../core/subgraph';
import { STATUSES, type Status } from '../core/vocabulary';
import { SAME_STATUS } from '../core/model-data';

export interface LinkOptions {
  filters: Filters;
  /**
   * The weakest status a step may have (STATUSES runs from firmest to weakest); null allows all. A relation passes
   * when some source shown presents it at least this firmly, whatever the others say of it.
   */
  weakestStatus?: Status | null;
}

export interface LinkGraph {
  has(id: string): boolean;
  /** Distinct neighbouring entities, sorted by id so every walk is deterministic. */
  neighbours(id: string): readonly string[];
  /** The relations joining two entities, either way round, firmest first (by the firmest way a source presents each). */
  relationsBetween(a: string, b: string): readonly RelationRecord[];
  /** Relations touching an entity under these options. */
  degree(id: string): number;
}

const rank = (s: Status) => STATUSES.indexOf(s);

/**
 * A source filter ("what does the report say?") sets the other sources aside; the filter lands in Filters with the
 * source facet, and is read here where it is present.
 */
type WithSources = Filters & { hiddenSources?: ReadonlySet<string> };

/**
 * The firmest rank at which some source presents relation row k, read from the claim status columns, which a
 * compact dataset has before its evidence; a relation without evidence slots has its own status. Claims of hidden
 * sources do not count (once the evidence says which source a quote is from); with none left, nothing does.
 */
function firmestRankAt(model: Model, k: number, hidden: ReadonlySet<number> | null): number {
  const { status, evidenceStart, evidence, claimStatus } = model.data.relations;
  const quoteSource = hidden && model.data.evidence?.quotes.source;
  const own = status[k]!;
  const end = evidenceStart[k + 1]!;
  if (evidenceStart[k]! === end) return own;
  let best = Number.MAX_SAFE_INTEGER;
  for (let j = evidenceStart[k]!; j < end; j++) {
    if (quoteSource && hidden.has(quoteSource[evidence[j]!]!)) continue;
    const s = claimStatus[j]!;
    best = Math.min(best, s === SAME_STATUS ? own : s);
  }
  return best;
}

/**
 * The link graph over the model's own adjacency, answered on demand: a path search visits a few thousand
 * entities, not the 500k relations a prebuilt graph would have to index first (seconds at 100k).
 */
export function buildLinkGraph(model: Model, options: LinkOptions): LinkGraph {
  const { filters, weakestStatus } = options;
  // Statuses are stored as their rank, firmest first.
  const weakest = weakestStatus ? rank(weakestStatus) : STATUSES.length;
  const { entities } = model.data;
  // Asked once per relation row: a path search meets the same relations again from either end.
  const hiddenIds = (filters as WithSources).hiddenSources;
  const hidden =
    hiddenIds && hiddenIds.size > 0
      ? new Set(model.data.sources.flatMap((s, i) => (hiddenIds.has(s.id) ? [i] : [])))
      : null;
  const firmest = new Map<number, number>();
  const firmestAt = (k: number) => {
    let r = firmest.get(k);
    if (r === undefined) firmest.set(k, (r = firmestRankAt(model, k, hidden)));
    return r;
  };
  const firmEnough = (k: number) => weakestStatus == null || firmestAt(k) <= weakest;
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
      const found: Array<{ relation: RelationRecord; rank: number }> = [];
      someRelationBetween(model, a, b, (k) => {
        if (firmEnough(k) && relationIndexVisibleUnder(model, filters, k))
          found.push({ relation: model.relationAt(k), rank: firmestAt(k) });
      });
      return found
        .sort((x, y) => x.rank - y.rank || x.relation.id.localeCompare(y.relation.id))
        .map((f) => f.relation);
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
