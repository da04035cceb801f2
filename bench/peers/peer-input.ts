/** The graph every peer loads: entity ids and relation endpoints, read from the dataset folder, plus the workload. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityRecord, RelationRecord } from '../../src/model/format/schema';
import { makeWorkload, type Workload, type WorkloadCounts } from '../workload';

export interface PeerInput {
  dataset: string;
  seed: number;
  counts: WorkloadCounts;
  pathPairs: number;
  budgetMs: number;
  /** Scratch folder for engines that keep files. */
  scratch: string;
}

export interface PeerGraph {
  ids: string[];
  /** Distinct undirected entity pairs as indices into ids, self-loops dropped: what paths and hops run on. */
  pairs: Array<[number, number]>;
  workload: Workload;
}

export function readPeerGraph(input: PeerInput): PeerGraph {
  const read = <T>(file: string, key: string) =>
    (JSON.parse(readFileSync(join(input.dataset, file), 'utf8')) as Record<string, T[]>)[key]!;
  const entities = read<EntityRecord>('entities.json', 'entities');
  const relations = read<RelationRecord>('relations.json', 'relations');
  const ids = entities.map((e) => e.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const r of relations) {
    const a = index.get(r.source)!;
    const b = index.get(r.target)!;
    if (a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * ids.length + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([lo, hi]);
  }
  const full = makeWorkload(entities, relations, input.seed, input.counts);
  const workload = { ...full, pathPairs: full.pathPairs.slice(0, input.pathPairs) };
  return { ids, pairs, workload };
}
