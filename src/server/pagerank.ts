/**
 * PageRank over relations as undirected links, in typed arrays: the server precomputes it per dataset
 * version, at millions of relations, where a graph library's object per edge would not fit the import.
 */
export function pagerank(
  nodes: number,
  source: Int32Array,
  target: Int32Array,
  { damping = 0.85, iterations = 100, tolerance = 1e-9 } = {},
): Float64Array {
  const rank = new Float64Array(nodes);
  if (nodes === 0) return rank;
  const degree = new Int32Array(nodes);
  for (let i = 0; i < source.length; i++) {
    degree[source[i]!]!++;
    degree[target[i]!]!++;
  }
  rank.fill(1 / nodes);
  const next = new Float64Array(nodes);
  for (let it = 0; it < iterations; it++) {
    // Entities with no relations spread their rank evenly, so the total stays 1.
    let dangling = 0;
    for (let v = 0; v < nodes; v++) if (degree[v] === 0) dangling += rank[v]!;
    next.fill((1 - damping) / nodes + (damping * dangling) / nodes);
    for (let i = 0; i < source.length; i++) {
      const s = source[i]!;
      const t = target[i]!;
      next[t]! += (damping * rank[s]!) / degree[s]!;
      next[s]! += (damping * rank[t]!) / degree[t]!;
    }
    let change = 0;
    for (let v = 0; v < nodes; v++) {
      change += Math.abs(next[v]! - rank[v]!);
      rank[v] = next[v]!;
    }
    if (change < tolerance * nodes) break;
  }
  return rank;
}
