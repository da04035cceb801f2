/** Weighted sampling by binary search over cumulative weights: O(log n) per draw, no per-draw allocation. */
import type { Rng } from '../../src/model/core/prng';

export interface WeightedPool<T> {
  items: readonly T[];
  total: number;
  draw(rng: Rng): T;
}

export function weightedPool<T>(items: readonly T[], weightOf: (item: T) => number): WeightedPool<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += weightOf(item);
    cumulative[i] = total;
  });
  return {
    items,
    total,
    draw(rng) {
      if (items.length === 0) throw new Error('draw from an empty pool');
      const x = rng.next() * total;
      let lo = 0;
      let hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]!;
    },
  };
}
