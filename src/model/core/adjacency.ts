/**
 * Relation adjacency as flat integer arrays (compressed sparse rows), undirected: each relation appears
 * under both of its ends. No per-edge objects or string keys, so 500k relations take a few MB.
 */

export interface Adjacency {
  /**
   * Neighbours of entity i are neighbours[offsets[i] .. offsets[i + 1]), in ascending order (a relation
   * index breaks ties), so the relations between two entities are one binary search away.
   */
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
  const slots = offsets[count]!;
  let fill = offsets.slice(0, count);
  const firstNeighbours = new Int32Array(slots);
  const firstRelations = new Int32Array(slots);
  for (let k = 0; k < source.length; k++) {
    const a = source[k]!;
    const b = target[k]!;
    firstNeighbours[fill[a]!] = b;
    firstRelations[fill[a]!++] = k;
    if (a !== b) {
      firstNeighbours[fill[b]!] = a;
      firstRelations[fill[b]!++] = k;
    }
  }
  // The adjacency is symmetric, so laying it out again row by row, each slot (i → j) into row j, gives
  // every row its neighbours in ascending order: a sort in one linear pass. Within a neighbour, relations
  // stay in ascending order, as each row of the first pass has them.
  fill = offsets.slice(0, count);
  const neighbours = new Int32Array(slots);
  const relationOf = new Int32Array(slots);
  for (let i = 0; i < count; i++)
    for (let s = offsets[i]!; s < offsets[i + 1]!; s++) {
      const j = firstNeighbours[s]!;
      neighbours[fill[j]!] = i;
      relationOf[fill[j]!++] = firstRelations[s]!;
    }
  return { offsets, neighbours, relationOf };
}

/** The slots of row `i` whose neighbour is `j`: [from, to), empty when none. */
export function slotsBetween(adj: Adjacency, i: number, j: number): [number, number] {
  let lo = adj.offsets[i]!;
  let hi = adj.offsets[i + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (adj.neighbours[mid]! < j) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < adj.offsets[i + 1]! && adj.neighbours[to] === j) to++;
  return [lo, to];
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
