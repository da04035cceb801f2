/**
 * The opening of a server dataset: the most connected entities, kept to a budget of relations among them,
 * since hubs of a large graph share thousands (the 1M generated dataset's 25 best connected: 29,008).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { chooseOpening, OPENING_RELATION_BUDGET, openingEntities } from '../../src/server/opening';
import { importedOnce } from './server-db';
import { generatedBundle } from './generated-bundle';

const bundle = generatedBundle({ entities: 2000, relations: 30000, seed: 3, sourceBytes: 20_000 });
let db: Db;
let version: number;
importedOnce(
  'opening',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

const relationsAmong = (ids: readonly string[]) => {
  const set = new Set(ids);
  return bundle.relations.filter((r) => set.has(r.source) && set.has(r.target)).length;
};

describe('the opening of a server dataset', () => {
  it('keeps to the relation budget where the best connected share more', async () => {
    const byDegree = new Map<string, number>();
    for (const r of bundle.relations)
      for (const e of new Set([r.source, r.target])) byDegree.set(e, (byDegree.get(e) ?? 0) + 1);
    const top = [...byDegree].sort((x, y) => y[1] - x[1] || 0).slice(0, 25);
    // The test means something only if the 25 best connected alone would pass the budget.
    expect(relationsAmong(top.map(([id]) => id))).toBeGreaterThan(OPENING_RELATION_BUDGET);
    const ids = await openingEntities(db, version, 25);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.length).toBeLessThanOrEqual(25);
    expect(relationsAmong(ids)).toBeLessThanOrEqual(OPENING_RELATION_BUDGET);
    expect(relationsAmong(ids)).toBeGreaterThan(0);
    // It still opens on the best connected entity.
    expect(ids[0]).toBe(top[0]![0]);
  });
});

describe('chooseOpening', () => {
  it('passes over a candidate that would push the relations past the budget, and takes the next', () => {
    const pairs = [
      { a: 1, b: 2, n: 5 },
      { a: 1, b: 3, n: 50 },
      { a: 2, b: 4, n: 3 },
    ];
    expect(chooseOpening([1, 2, 3, 4], pairs, 3, 10)).toEqual([1, 2, 4]);
    expect(chooseOpening([1, 2, 3, 4], pairs, 2, 100)).toEqual([1, 2]);
  });
});
