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

/** `count` summed over every node of `plan`. */
const summed = (plan: PlanNode, count: (n: PlanNode) => number): number =>
  count(plan) + (plan.Plans ?? []).reduce((sum, p) => sum + summed(p, count), 0);

/** Rows and index entries a statement reads from tables (or their indexes) whose names match `table`. */
export async function rowsRead(
  db: Db,
  table: RegExp,
  sql: string,
  params?: readonly unknown[],
): Promise<number> {
  return summed(await analysedPlan(db, sql, params), (n) =>
    table.test(n['Relation Name'] ?? n['Index Name'] ?? '')
      ? ((n['Actual Rows'] ?? 0) +
          (n['Rows Removed by Filter'] ?? 0) +
          (n['Rows Removed by Index Recheck'] ?? 0)) *
        (n['Actual Loops'] ?? 1)
      : 0,
  );
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
  return summed(await analysedPlan(db, sql, params), (n) => {
    if (!table.test(n['Relation Name'] ?? '')) return 0;
    if (n['Node Type'] === 'Index Only Scan') return n['Heap Fetches'] ?? 0;
    return ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0)) * (n['Actual Loops'] ?? 1);
  });
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
