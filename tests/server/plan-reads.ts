/** What a statement reads, from its plan as PostgreSQL ran it: for tests that keep a query's reads bounded. */
import type { Db } from '../../src/server/db';

interface PlanNode {
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows and index entries a statement reads from tables (or their indexes) whose names match `table`. */
export async function rowsRead(
  db: Db,
  table: RegExp,
  sql: string,
  params?: readonly unknown[],
): Promise<number> {
  const [row] = await db.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  const raw = Object.values(row!)[0];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const walk = (n: PlanNode): number =>
    (table.test(n['Relation Name'] ?? n['Index Name'] ?? '')
      ? ((n['Actual Rows'] ?? 0) +
          (n['Rows Removed by Filter'] ?? 0) +
          (n['Rows Removed by Index Recheck'] ?? 0)) *
        (n['Actual Loops'] ?? 1)
      : 0) + (n.Plans ?? []).reduce((sum, p) => sum + walk(p), 0);
  return walk(plan[0]!.Plan);
}

/** `db`, with `onQuery` told of each statement before it runs. */
export function meteredDb(db: Db, onQuery: (sql: string, params?: readonly unknown[]) => Promise<void>): Db {
  return {
    kind: db.kind,
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      await onQuery(sql, params);
      return db.query<T>(sql, params);
    },
    copyFrom: (...a) => db.copyFrom(...a),
    copyText: (...a) => db.copyText(...a),
    connections: db.connections,
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
}
