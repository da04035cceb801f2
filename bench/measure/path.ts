/** Shortest paths over relation edges only, undirected, with graphology's bidirectional search. */
import type { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { bfsScratch, csrDistance, type Csr } from '../csr';
import { summarize, timeEach, type Latency } from '../stats';

export interface PathFigures {
  latency: Latency;
  /** Floor: bidirectional BFS over flat integer adjacency arrays. */
  csr: Latency;
  /** Hop counts found, null where no path exists. */
  lengths: Array<number | null>;
  /** Pairs where graphology and the floor disagree on the length: must be 0. */
  mismatches: number;
}

export function measurePath(
  view: UndirectedGraph,
  csr: Csr,
  pairs: ReadonlyArray<[string, string]>,
): PathFigures {
  const lengthOf = ([a, b]: [string, string]) => {
    const path = bidirectional(view, a, b);
    return path ? path.length - 1 : null;
  };
  const latency = summarize(timeEach(pairs, lengthOf, 10));
  const scratch = bfsScratch(csr.ids.length);
  const floor = summarize(timeEach(pairs, ([a, b]) => csrDistance(csr, a, b, scratch), 10));
  const lengths = pairs.map(lengthOf);
  const mismatches = pairs.filter((p, i) => csrDistance(csr, p[0], p[1], scratch) !== lengths[i]).length;
  return { latency, csr: floor, lengths, mismatches };
}
