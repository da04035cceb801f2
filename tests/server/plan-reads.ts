/** What a statement reads, from its plan as PostgreSQL ran it: for tests that keep a query's reads bounded. */
import type { Db } from '../../src/server/db';

interface PlanNode {
  'Node Type'?: string;
  'Heap Fetches'?: number;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The plan of `sql` as PostgreSQL ran it (EXPLAIN ANALYZE), as JSON. */
async function analysedPlan(db: Db, sql: string, params?: readonly unknown[]): Promise<PlanNode> {
  const [row] = await db.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  const raw = Object.values(row!)[0];
  return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>)[0]!.Plan;
}

/** Rows and index entries a statement reads from tables (or their indexes) whose names match `table`. */
export async function rowsRead(
  db: Db,
  table: RegExp,
  sql: string,
  params?: readonly unknown[],
): Promise<number> {
  const plan = await analysedPlan(db, sql, params);
  const walk = (n: PlanNode): number =>
    (table.test(n['Relation Name'] ?? n['Index Name'] ?? '')
      ? ((n['Actual Rows'] ?? 0) +
          (n['Rows Removed by Filter'] ?? 0) +
          (n['Rows Removed by Index Recheck'] ?? 0)) *
        (n['Actual Loops'] ?? 1)
      : 0) + (n.Plans ?? []).reduce((sum, p) => sum + walk(p), 0);
  return walk(plan);
}

/**
 * Rows a statement visits in the table itself (not its indexes) of tables whose names match `table`: every
 * row a scan of the table examines, an index-only scan's heap fetches alone.
 */
export async function tableRowsVisited(
  db: Db,
  table: RegExp,
  sql: string,
  params?: readonly unknown[],
): Promise<number> {
  const plan = await analysedPlan(db, sql, params);
  const walk = (n: PlanNode): number => {
    const loops = n['Actual Loops'] ?? 1;
    const here = !table.test(n['Relation Name'] ?? '')
      ? 0
      : n['Node Type'] === 'Index Only Scan'
        ? (n['Heap Fetches'] ?? 0)
        : ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0)) * loops;
    return here + (n.Plans ?? []).reduce((sum, p) => sum + walk(p), 0);
  };
  return walk(plan);
}

/**
 * `db`, with `onQuery` told of each statement before it runs, and of the database it runs on (inside a
 * transaction, the transaction's: a plan read beside it on another connection would not see its settings).
 */
export function meteredDb(
  db: Db,
  onQuery: (sql: string, params: readonly unknown[] | undefined, on: Db) => Promise<void>,
): Db {
  return {
    kind: db.kind,
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      await onQuery(sql, params, db);
      return db.query<T>(sql, params);
    },
    copyFrom: (...a) => db.copyFrom(...a),
    copyText: (...a) => db.copyText(...a),
    connections: db.connections,
    transaction: (work) => db.transaction((tx) => work(meteredDb(tx, onQuery))),
    close: () => db.close(),
  };
}
