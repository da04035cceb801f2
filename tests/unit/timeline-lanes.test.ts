import { describe, expect, it } from 'vitest';
import { packLanes, type Extent } from '../../src/features/timeline/lanes';

/** The definition: a label shows unless any other mark in its lane covers the mark or the label's room. */
function labelsByDefinition(extents: readonly Extent[], lanes: readonly number[], limit: number): boolean[] {
  const GAP = 3;
  const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;
  return extents.map((e, i) => {
    const blocked = extents.some(
      (o, j) =>
        j !== i &&
        lanes[j] === lanes[i] &&
        (overlaps(o.x0, o.x1, e.x0, e.x1) ||
          (e.x1Label > e.x1 && overlaps(o.x0, o.x1, e.x1, e.x1Label + GAP))),
    );
    return !blocked && e.x1Label <= limit;
  });
}

function randomExtents(n: number, seed: number): Extent[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = Array.from({ length: n }, () => {
    const x0 = Math.floor(rnd() * n * 6);
    const x1 = x0 + 1 + Math.floor(rnd() * (rnd() < 0.2 ? 300 : 20));
    const label = rnd() < 0.5 ? 0 : Math.floor(rnd() * 80);
    return { x0, x1, x1Label: x1 + label };
  });
  return out.sort((a, b) => a.x0 - b.x0);
}

describe('timeline lanes', () => {
  it('shows a label exactly where no mark in its lane is in the way, with marks crowding every lane', () => {
    const seen: boolean[] = [];
    for (const [n, lanes, seed] of [
      [40, 4, 1],
      [300, 3, 2],
      [1000, 4, 3],
      [200, 1, 4],
    ] as const) {
      const extents = randomExtents(n, seed);
      const limit = n * 6;
      const placed = packLanes(extents, lanes, limit);
      expect(placed.every((p) => p.lane >= 0 && p.lane < lanes)).toBe(true);
      const expected = labelsByDefinition(
        extents,
        placed.map((p) => p.lane),
        limit,
      );
      expect(placed.map((p) => p.showLabel)).toEqual(expected);
      seen.push(...expected);
    }
    // Crowded enough that both answers occur, or the comparison proves little.
    expect(new Set(seen).size).toBe(2);
  });
});
