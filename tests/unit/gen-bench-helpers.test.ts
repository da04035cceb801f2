import { describe, expect, it } from 'vitest';
import { parseArgs, parseSize } from '../../bench/args';
import { bfsScratch, buildCsr, csrDistance, csrExpand } from '../../bench/csr';
import { percentile, summarize } from '../../bench/stats';
import { makeWorkload } from '../../bench/workload';

// a - b - c - d, and e alone; b also has a self-loop.
const ids = ['a', 'b', 'c', 'd', 'e'];
const relations = [
  { source: 'a', target: 'b' },
  { source: 'c', target: 'b' },
  { source: 'c', target: 'd' },
  { source: 'b', target: 'b' },
];

describe('bench helpers', () => {
  it('answers distance, reach and expand on flat adjacency arrays', () => {
    const csr = buildCsr(ids, relations);
    const scratch = bfsScratch(ids.length);
    expect(csrDistance(csr, 'a', 'd', scratch)).toBe(3);
    expect(csrDistance(csr, 'd', 'a', scratch)).toBe(3);
    expect(csrDistance(csr, 'a', 'e', scratch)).toBeNull();
    const b = csrExpand(csr, relations, 'b');
    expect(b.relations).toHaveLength(3);
    expect(b.neighbours.sort()).toEqual([0, 2]);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3, mean: 2 });
  });

  it('parses sizes and options', () => {
    expect(parseSize('10kx50k')).toEqual({ entities: 10_000, relations: 50_000 });
    expect(() => parseSize('10x5')).toThrow();
    const o = parseArgs(['--', '--sizes', '100x500', '--peers']);
    expect(o.sizes).toEqual([{ entities: 100, relations: 500 }]);
    expect(o.peers).toBe(true);
    expect(() => parseArgs(['--nope'])).toThrow(/unknown/);
  });

  it('runs the import floor at the development size unless told a size, on the default WAL unless told', () => {
    expect(parseArgs([])).toMatchObject({ importFloor: false, walMinimal: false });
    expect(parseArgs(['--import-floor'])).toMatchObject({
      importFloor: true,
      walMinimal: false,
      sizes: [{ entities: 200_000, relations: 1_000_000 }],
    });
    expect(parseArgs(['--import-floor', '--wal-minimal', '--sizes', '10kx50k'])).toMatchObject({
      walMinimal: true,
      sizes: [{ entities: 10_000, relations: 50_000 }],
    });
  });

  it('draws the same workload for the same seed, hubs first', () => {
    const entities = ids.map((id) => ({ id, name: `Name ${id.toUpperCase()} Example` }));
    const counts = { searchQueries: 20, expandQueries: 10, pathPairs: 5, hopStarts: 4 };
    const w = makeWorkload(entities, relations, 3, counts);
    expect(makeWorkload(entities, relations, 3, counts)).toEqual(w);
    expect(w.hubs[0]).toEqual({ id: 'b', degree: 4 });
    expect(w.expandIds[0]).toBe('b');
    expect(w.searchQueries).toHaveLength(20);
    expect(w.pathPairs.every(([x, y]) => x !== y)).toBe(true);
  });
});
