/**
 * Relation adjacency as flat integer arrays (compressed sparse rows), undirected: each relation appears
 * under both of its ends. No per-edge objects or string keys, so 500k relations take a few MB.
 */

export interface Adjacency {
  /** Neighbours of entity i are neighbours[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Index of the relation behind each slot. */
  relationOf: Int32Array;
}

export function buildAdjacency(
  count: number,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
): Adjacency {
  const offsets = new Int32Array(count + 1);
  for (let k = 0; k < source.length; k++) {
    offsets[source[k]! + 1]!++;
    // A self-loop is one slot, not two.
    if (source[k] !== target[k]) offsets[target[k]! + 1]!++;
  }
  for (let i = 0; i < count; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, count);
  const neighbours = new Int32Array(offsets[count]!);
  const relationOf = new Int32Array(offsets[count]!);
  for (let k = 0; k < source.length; k++) {
    const a = source[k]!;
    const b = target[k]!;
    neighbours[fill[a]!] = b;
    relationOf[fill[a]!++] = k;
    if (a !== b) {
      neighbours[fill[b]!] = a;
      relationOf[fill[b]!++] = k;
    }
  }
  return { offsets, neighbours, relationOf };
}

/** Reusable visit marks, so a query allocates nothing proportional to the graph. */
export interface BfsScratch {
  markA: Int32Array;
  markB: Int32Array;
  distA: Int32Array;
  distB: Int32Array;
  stamp: number;
}

export const bfsScratch = (n: number): BfsScratch => ({
  markA: new Int32Array(n),
  markB: new Int32Array(n),
  distA: new Int32Array(n),
  distB: new Int32Array(n),
  stamp: 0,
});

/** Hop distance by bidirectional BFS, expanding the smaller frontier a level at a time; null when unreachable. */
export function hopDistance(adj: Adjacency, a: number, b: number, s: BfsScratch): number | null {
  if (a === b) return 0;
  const stamp = ++s.stamp;
  s.markA[a] = stamp;
  s.distA[a] = 0;
  s.markB[b] = stamp;
  s.distB[b] = 0;
  let frontA = [a];
  let frontB = [b];
  while (frontA.length > 0 && frontB.length > 0) {
    const forward = frontA.length <= frontB.length;
    const [front, mark, dist, otherMark, otherDist] = forward
      ? [frontA, s.markA, s.distA, s.markB, s.distB]
      : [frontB, s.markB, s.distB, s.markA, s.distA];
    const next: number[] = [];
    for (const u of front) {
      for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
        const v = adj.neighbours[k]!;
        // The first meeting is a shortest one: had the other side reached v before its last level,
        // it would also have reached u, and the meeting would have shown up a level ago.
        if (otherMark[v] === stamp) return dist[u]! + 1 + otherDist[v]!;
        if (mark[v] !== stamp) {
          mark[v] = stamp;
          dist[v] = dist[u]! + 1;
          next.push(v);
        }
      }
    }
    if (forward) frontA = next;
    else frontB = next;
  }
  return null;
}

/** Number of distinct entities within `hops` relations of `start`, the start excluded. */
export function reachCount(adj: Adjacency, start: number, hops: number, s: BfsScratch): number {
  const stamp = ++s.stamp;
  s.markA[start] = stamp;
  let front = [start];
  let reached = 0;
  for (let d = 0; d < hops && front.length > 0; d++) {
    const next: number[] = [];
    for (const u of front)
      for (let k = adj.offsets[u]!; k < adj.offsets[u + 1]!; k++) {
        const v = adj.neighbours[k]!;
        if (s.markA[v] !== stamp) {
          s.markA[v] = stamp;
          next.push(v);
        }
      }
    reached += next.length;
    front = next;
  }
  return reached;
}
