/**
 * The one database interface the server and the importer use, so PGlite (embedded) and PostgreSQL (pg) run
 * the same SQL: parameterised queries, bulk COPY of rows, and transactions.
 */

/** A value COPY can carry: arrays become PostgreSQL arrays, objects JSON. */
export type CopyValue = string | number | boolean | null | readonly (string | number)[] | object;

export interface Db {
  readonly kind: 'pglite' | 'pg';
  /** Statements that can run at once: the pool's size on PostgreSQL; 1 on PGlite and inside a transaction. */
  readonly connections: number;
  /** Runs one parameterised statement ($1, $2…); parameters are never spliced into the text. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Streams rows into `table` with COPY; `columns` name what each row's values fill. `freeze` (for a table
   * created in the same transaction) writes the rows already frozen and visible to all, so nothing has to
   * revisit them and index-only scans work from the start.
   */
  copyFrom(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
    options?: { freeze?: boolean },
  ): Promise<number>;
  /** As copyFrom, with the rows already written as COPY text (copy-text.ts), in chunks of whole lines. */
  copyText(
    table: string,
    columns: readonly string[],
    chunks: Iterable<string>,
    options?: { freeze?: boolean },
  ): Promise<number>;
  /** Runs `work` in one transaction: all of it is committed, or on any error none of it. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot be reached (stopped, closed, connection lost): the API answers 503. */
export class DbUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DbUnavailableError';
  }
}

/** PostgreSQL error codes and driver messages that mean the database went away rather than the query failed. */
const GONE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
]);
const GONE_MESSAGES =
  /PGlite is closed|Connection terminated|Cannot use a pool after calling end|connection.*(closed|ended)|Client has encountered a connection error|terminating connection/i;

export function isUnavailable(e: unknown): boolean {
  if (e instanceof DbUnavailableError) return true;
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && GONE_CODES.has(code)) return true;
  const errors = (e as { errors?: unknown })?.errors; // AggregateError from a refused connection
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  return e instanceof Error && GONE_MESSAGES.test(e.message);
}

/**
 * Settings every session starts with. Two slips in a name ("vladimr putn") score about 0.45 in trigram
 * word similarity; the default threshold (0.6) would miss them. JIT compilation is off: the API's
 * queries are short index lookups, and at a million relations the planner's estimates set JIT off on
 * them, compiling for 650 ms a query that runs in under one (seen in the benchmark).
 */
export const SESSION_SETTINGS: Record<string, string> = {
  'pg_trgm.word_similarity_threshold': '0.4',
  jit: 'off',
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Table and column names in COPY come from the server's own code, never from a request; checked anyway. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}
