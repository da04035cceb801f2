/**
 * A relation's evidence reads each cited source by its row, however many sources the dataset has. At 5M
 * relations the planner, with no statistics on the partitioned parents, thought one relation's evidence
 * joined 27,000 quotes and read every source for each (13 / 22 ms p50 / p95 with 34,225 sources). An import
 * now analyses the parents, so the planner knows a relation has a few quotes.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { analyseParents, parentsAnalysed } from '../../src/server/parent-stats';
import { relationWithEvidence } from '../../src/server/queries';
import { meteredDb, rowsRead } from './plan-reads';
import { importedOnce } from './server-db';
import { generatedBundle } from './generated-bundle';

// Short sources, so the relations cite many of them.
const bundle = generatedBundle({ entities: 1500, relations: 9000, seed: 3, sourceBytes: 2_000 });
let db: Db;
let version: number;
importedOnce(
  'evidence-reads',
  () => bundle,
  (opened) => ({ db, version } = opened),
);

const someRelations = () => bundle.relations.filter((_, i) => i % 300 === 0);

describe("a relation's evidence", () => {
  it('is planned knowing a relation has a few quotes, not a default share of all of them', async () => {
    const [plan] = await db.query<Record<string, unknown>>(
      `EXPLAIN (FORMAT JSON) SELECT q.id FROM tl_evidence ev JOIN tl_quotes q ON q.version = ev.version AND q.row = ev.quote
       WHERE ev.version = $1 AND ev.relation = 1`,
      [version],
    );
    const raw = Object.values(plan!)[0];
    const estimated = (
      (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>
    )[0]!.Plan['Plan Rows'];
    const most = Math.max(...bundle.relations.map((r) => r.evidence.length));
    expect(bundle.quotes.length).toBeGreaterThan(200 * most);
    expect(estimated).toBeLessThanOrEqual(most);
  });

  it('reads one source row per quote, not every source', async () => {
    expect(bundle.sources.length).toBeGreaterThan(50);
    let sourcesRead = 0;
    const metered = meteredDb(db, async (sql, params) => {
      if (/FROM tl_evidence/.test(sql)) sourcesRead += await rowsRead(db, /^tl_sources/, sql, params);
    });
    let quotes = 0;
    for (const r of someRelations()) {
      const got = await relationWithEvidence(metered, version, r.id);
      expect(got!.evidence.map((e) => e.quote.id)).toEqual(r.evidence);
      quotes += got!.evidence.length;
    }
    expect(quotes).toBeGreaterThan(0);
    // Each quote's source, by its row in the index and in the table.
    expect(sourcesRead).toBeLessThanOrEqual(2 * quotes);
  });
});

describe('a database imported before imports analysed the parents', () => {
  it('is found lacking their statistics, and has them once analysed', async () => {
    // Statistics are transactional: dropped and gathered again inside one that is rolled back.
    await db
      .transaction(async (tx) => {
        await tx.query(
          `DELETE FROM pg_statistic WHERE stainherit AND starelid IN (SELECT oid FROM pg_class WHERE relname LIKE 'tl\\_%')`,
        );
        expect(await parentsAnalysed(tx)).toBe(false);
        await analyseParents(tx);
        expect(await parentsAnalysed(tx)).toBe(true);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(await parentsAnalysed(db)).toBe(true);
  });
});

class Rollback extends Error {}
