/** The graph every peer loads: entity ids and relation endpoints, read from the dataset folder, plus the workload. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityRecord, RelationRecord } from '../../src/model/format/schema';
import { partFile } from '../../src/model/format/validate-folder';
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
  const readOne = <T>(file: string, key: string) =>
    (JSON.parse(readFileSync(join(input.dataset, file), 'utf8')) as Record<string, T[]>)[key]!;
  // A large collection comes in numbered parts (docs/data-format.md#parts).
  const read = <T>(file: string, key: string): T[] => {
    if (existsSync(join(input.dataset, file))) return readOne<T>(file, key);
    const all: T[] = [];
    for (let n = 1; existsSync(join(input.dataset, partFile(file, n))); n++)
      for (const r of readOne<T>(partFile(file, n), key)) all.push(r);
    return all;
  };
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
