/**
 * String-keyed access to the compact integer adjacency. The floors for expand and shortest path run on it:
 * it shows what the same queries cost with no per-edge objects or string keys.
 */
import {
  bfsScratch,
  buildAdjacency,
  hopDistance,
  type Adjacency,
  type BfsScratch,
} from '../src/model/core/adjacency';

export { bfsScratch, type BfsScratch };

export interface Csr extends Adjacency {
  index: Map<string, number>;
  ids: string[];
}

export function buildCsr(
  ids: readonly string[],
  relations: ReadonlyArray<{ source: string; target: string }>,
): Csr {
  const index = new Map(ids.map((id, i) => [id, i]));
  const source = Int32Array.from(relations, (r) => index.get(r.source)!);
  const target = Int32Array.from(relations, (r) => index.get(r.target)!);
  return { index, ids: [...ids], ...buildAdjacency(ids.length, source, target) };
}

/** Relations and distinct neighbours of one entity, as the explorer's expand needs them. */
export function csrExpand<R>(
  csr: Csr,
  relations: readonly R[],
  id: string,
): { relations: R[]; neighbours: number[] } {
  const i = csr.index.get(id);
  if (i === undefined) return { relations: [], neighbours: [] };
  const out: R[] = [];
  const seen = new Set<number>();
  for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k++) {
    out.push(relations[csr.relationOf[k]!]!);
    if (csr.neighbours[k] !== i) seen.add(csr.neighbours[k]!);
  }
  return { relations: out, neighbours: [...seen] };
}

export function csrDistance(csr: Csr, from: string, to: string, s: BfsScratch): number | null {
  const a = csr.index.get(from);
  const b = csr.index.get(to);
  return a === undefined || b === undefined ? null : hopDistance(csr, a, b, s);
}
