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

/**
 * ANALYZE each versioned parent, after a version is attached or dropped; sampled, so seconds even at 5M.
 * PostgreSQL 15 analyses every partition again with its parent (ANALYZE ONLY came in 18), so this is the
 * import's last few seconds, on one core unless two tables are analysed at once (a pool has the room).
 */
export async function analyseParents(db: Db): Promise<void> {
  const left = [...VERSIONED_TABLES];
  const next = async (): Promise<void> => {
    for (let table = left.shift(); table !== undefined; table = left.shift())
      await db.query(`ANALYZE ${table}`);
  };
  await Promise.all(Array.from({ length: Math.min(PARENTS_AT_ONCE, db.connections) }, next));
}

/** Parents analysed at once: this machine's two cores; the database's may be more, never assumed. */
const PARENTS_AT_ONCE = 2;

/** Whether the parents have statistics: a database imported before imports gathered them has none. */
export async function parentsAnalysed(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'tl_quotes' AND inherited`,
  );
  return row!.n > 0;
}
