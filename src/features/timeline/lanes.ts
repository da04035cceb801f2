/** Lane packing for the timeline: marks take the first free lane, then labels are shown wherever they fit beside their mark. */

export interface Extent {
  x0: number;
  /** Right edge of the mark alone. */
  x1: number;
  /** Right edge with the label, when it is drawn beside the mark (equal to x1 when it fits inside). */
  x1Label: number;
}

export interface Placement {
  lane: number;
  showLabel: boolean;
}

const GAP = 3;

/**
 * Places marks (in the order given, usually by start) into at most maxLanes lanes; when every lane is taken the mark
 * overlaps in the lane that frees up first rather than disappear. A label shows only where no other mark in its
 * lane covers it, and inside `limit`.
 */
export function packLanes(extents: readonly Extent[], maxLanes: number, limit = Infinity): Placement[] {
  const ends: number[] = [];
  const lanes = extents.map((e) => {
    let lane = ends.findIndex((end) => end + GAP <= e.x0);
    if (lane < 0) lane = ends.length < maxLanes ? ends.length : ends.indexOf(Math.min(...ends));
    ends[lane] = Math.max(ends[lane] ?? -Infinity, e.x1);
    return lane;
  });
  // A mark's label is blocked by another mark in its lane that overlaps the mark, or the room its label
  // needs beside it. Checking every pair was quadratic: over a second for the 20k dated events of a large
  // dataset. Within a lane, in order of start, only the marks next to it can block it: those after it up to
  // where its label ends, and those before it as long as something before still reaches past its start.
  const byLane = new Map<number, number[]>();
  lanes.forEach((lane, i) => {
    const list = byLane.get(lane);
    if (list) list.push(i);
    else byLane.set(lane, [i]);
  });
  const blocked = new Array<boolean>(extents.length).fill(false);
  for (const members of byLane.values()) {
    members.sort((a, b) => extents[a]!.x0 - extents[b]!.x0 || a - b);
    // reach[k]: the furthest right edge of the lane's marks up to k, to know when looking back can stop.
    const reach: number[] = [];
    members.forEach((i, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, extents[i]!.x1)));
    members.forEach((i, k) => {
      const e = extents[i]!;
      const blocks = (j: number) => {
        const o = extents[members[j]!]!;
        return (
          overlaps(o.x0, o.x1, e.x0, e.x1) ||
          (e.x1Label > e.x1 && overlaps(o.x0, o.x1, e.x1, e.x1Label + GAP))
        );
      };
      const until = Math.max(e.x1, e.x1Label + GAP);
      let hit = false;
      for (let j = k + 1; !hit && j < members.length && extents[members[j]!]!.x0 < until; j++)
        hit = blocks(j);
      for (let j = k - 1; !hit && j >= 0 && reach[j]! > e.x0; j--) hit = blocks(j);
      blocked[i] = hit;
    });
  }
  return extents.map((e, i) => ({ lane: lanes[i]!, showLabel: !blocked[i] && e.x1Label <= limit }));
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
