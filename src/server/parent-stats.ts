/**
 * Statistics on the partitioned parents. A query names the parent (`tl_quotes`), and although it reads one
 * version's partition, PostgreSQL estimates its joins from the parent's own statistics, which only an
 * ANALYZE of the parent gathers: autovacuum never analyses a partitioned table. Without them every join
 * was estimated from a default of 200 distinct values: at 5M relations the evidence of one relation was
 * thought to join 27,000 quotes, and the planner read every source for each quote (13 / 22 ms p50 / p95
 * with 34,225 sources, where reading each by its row takes well under a millisecond).
 */
import type { Db } from './db';
import { VERSIONED_TABLES } from './schema';

/** ANALYZE each versioned parent, after a version is attached or dropped; sampled, so seconds even at 5M. */
export async function analyseParents(db: Db): Promise<void> {
  for (const table of VERSIONED_TABLES) await db.query(`ANALYZE ${table}`);
}

/** Whether the parents have statistics: a database imported before imports gathered them has none. */
export async function parentsAnalysed(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'tl_quotes' AND inherited`,
  );
  return row!.n > 0;
}
