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
  const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
  return extents.map((e, i) => {
    const lane = lanes[i]!;
    // A label inside its bar only needs the bar to itself; one beside it needs the room up to x1Label too.
    const blocked = extents.some(
      (o, j) =>
        j !== i &&
        lanes[j] === lane &&
        (overlaps(o.x0, o.x1, e.x0, e.x1) ||
          (e.x1Label > e.x1 && overlaps(o.x0, o.x1, e.x1, e.x1Label + GAP))),
    );
    return { lane, showLabel: !blocked && e.x1Label <= limit };
  });
}
