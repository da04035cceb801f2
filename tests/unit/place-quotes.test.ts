import { describe, expect, it } from 'vitest';
import { quoteSpot } from '../../src/graph-view/place-quotes';

/** Quote nodes are drawn 14 px square (stylesheet.ts). */
const QUOTE_SIZE = 14;

describe('where quotes go beside the relation they back', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 200, y: 0 };
  const mid = { x: 100, y: 0 };
  const spots = Array.from({ length: 6 }, (_, nth) => quoteSpot(a, b, mid, nth));

  it('sits beside the middle of the edge, never on it', () => {
    for (const p of spots) {
      expect(p.x).toBeCloseTo(mid.x);
      expect(Math.abs(p.y)).toBeGreaterThan(QUOTE_SIZE);
    }
  });

  it('alternates sides and steps out, so no quote covers another', () => {
    expect(spots.map((p) => Math.sign(p.y))).toEqual([1, -1, 1, -1, 1, -1]);
    for (const [i, p] of spots.entries())
      for (const q of spots.slice(i + 1))
        expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(QUOTE_SIZE);
    // The first quotes stay closest to the edge they explain.
    const away = spots.map((p) => Math.abs(p.y));
    expect(away).toEqual([...away].sort((x, y) => x - y));
  });

  it('follows the edge’s direction: off a diagonal edge, on its perpendicular', () => {
    const from = { x: 10, y: 20 };
    const to = { x: 130, y: 110 };
    const centre = { x: 70, y: 65 };
    const p = quoteSpot(from, to, centre, 0);
    const along = (p.x - centre.x) * (to.x - from.x) + (p.y - centre.y) * (to.y - from.y);
    expect(Math.abs(along)).toBeLessThan(1e-9);
    expect(Math.hypot(p.x - centre.x, p.y - centre.y)).toBeGreaterThan(QUOTE_SIZE);
  });

  it('still gives a place when both ends are one point (a relation of an entity with itself)', () => {
    const p = quoteSpot(mid, mid, mid, 1);
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});
