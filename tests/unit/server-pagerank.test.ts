import { UndirectedGraph } from 'graphology';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/model/core/prng';
import { pagerank } from '../../src/server/pagerank';

describe('the server’s PageRank over typed arrays', () => {
  it('agrees with graphology’s on a random graph, isolated entities included', () => {
    const rng = mulberry32(11);
    const n = 300;
    const g = new UndirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    const source: number[] = [];
    const target: number[] = [];
    while (source.length < 900) {
      const a = rng.int(n - 20);
      const b = rng.int(n - 20);
      if (a === b || g.hasEdge(String(a), String(b))) continue;
      g.addEdge(String(a), String(b));
      source.push(a);
      target.push(b);
    }
    const ours = pagerank(n, Int32Array.from(source), Int32Array.from(target), {
      tolerance: 1e-12,
      iterations: 500,
    });
    const theirs = graphologyPagerank(g, { getEdgeWeight: null, tolerance: 1e-12, maxIterations: 500 });
    for (let i = 0; i < n; i++) expect(ours[i]).toBeCloseTo(theirs[String(i)]!, 6);
    expect(ours.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('ranks a star’s centre first', () => {
    const leaves = Int32Array.from({ length: 9 }, (_, i) => i + 1);
    const rank = pagerank(10, new Int32Array(9), leaves);
    expect(Math.max(...rank)).toBe(rank[0]);
  });
});
