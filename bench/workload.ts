/** The queries every engine answers, drawn the same way from a dataset and seed in every process. */
import type { EntityRecord, RelationRecord } from '../src/model/format/schema';
import { mulberry32, type Rng } from '../src/model/core/prng';

export interface Workload {
  /** Typeahead input as typed: name prefixes, single-word prefixes and a share of typos. */
  searchQueries: string[];
  /** Entities to expand: the biggest hubs, then uniform picks. */
  expandIds: string[];
  pathPairs: Array<[string, string]>;
  hopStarts: string[];
  hubs: Array<{ id: string; degree: number }>;
}

export interface WorkloadCounts {
  searchQueries: number;
  expandQueries: number;
  pathPairs: number;
  hopStarts: number;
}

const HUBS_IN_SAMPLE = 10;

function relationDegrees(
  relations: readonly Pick<RelationRecord, 'source' | 'target'>[],
): Map<string, number> {
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return degree;
}

function typo(word: string, rng: Rng): string {
  const i = 1 + rng.int(word.length - 2);
  // Adjacent swap or a wrong letter: the two slips people make most when typing a name.
  if (rng.chance(0.5)) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + String.fromCharCode(97 + rng.int(26)) + word.slice(i + 1);
}

/** How a typeahead query was drawn: the server's search reports its latency per kind. */
export type SearchKind = 'word prefix' | 'typo' | 'name prefix';

function searchQuery(name: string, rng: Rng): { text: string; kind: SearchKind } {
  const roll = rng.next();
  const words = name.split(' ').filter((w) => w.length >= 3);
  if (roll < 0.2 && words.length > 0) {
    const w = rng.pick(words);
    return { text: w.slice(0, 3 + rng.int(w.length - 2)), kind: 'word prefix' };
  }
  if (roll < 0.4) {
    const long = words.filter((w) => w.length >= 5);
    if (long.length > 0) return { text: typo(rng.pick(long), rng), kind: 'typo' };
  }
  return { text: name.slice(0, Math.min(name.length, 2 + rng.int(name.length - 1))), kind: 'name prefix' };
}

/**
 * The workload's typeahead queries with how each was drawn: the first draws of the workload's generator, so
 * they are makeWorkload's searchQueries. Needs only the names, in dataset order (a database's entity rows).
 */
export function labelledSearchQueries(
  entities: readonly Pick<EntityRecord, 'name'>[],
  seed: number,
  count: number,
): Array<{ text: string; kind: SearchKind }> {
  return drawSearchQueries(mulberry32(seed ^ 0x5eed), entities, count);
}

const drawSearchQueries = (rng: Rng, entities: readonly Pick<EntityRecord, 'name'>[], count: number) =>
  Array.from({ length: count }, () => searchQuery(rng.pick(entities).name, rng));

export function makeWorkload(
  entities: readonly Pick<EntityRecord, 'id' | 'name'>[],
  relations: readonly Pick<RelationRecord, 'source' | 'target'>[],
  seed: number,
  counts: WorkloadCounts,
): Workload {
  const rng = mulberry32(seed ^ 0x5eed);
  const degree = relationDegrees(relations);
  const hubs = [...degree]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, HUBS_IN_SAMPLE)
    .map(([id, d]) => ({ id, degree: d }));
  const anyId = () => rng.pick(entities).id;
  const withHubs = (n: number, hubShare: number) => {
    const k = Math.min(hubs.length, Math.max(1, Math.round(n * hubShare)));
    return [...hubs.slice(0, k).map((h) => h.id), ...Array.from({ length: n - k }, anyId)];
  };
  const pairs = (n: number) =>
    Array.from({ length: n }, (): [string, string] => {
      const a = anyId();
      let b = anyId();
      while (b === a) b = anyId();
      return [a, b];
    });
  return {
    searchQueries: drawSearchQueries(rng, entities, counts.searchQueries).map((q) => q.text),
    expandIds: withHubs(counts.expandQueries, 0.01),
    pathPairs: pairs(counts.pathPairs),
    hopStarts: withHubs(counts.hopStarts, 0.1),
    hubs,
  };
}
