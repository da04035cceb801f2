/** A PostgreSQL server through a pool of `pg` connections; COPY streams through pg-copy-streams. */
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { once } from 'node:events';
import { copyChunks } from './copy-text';
import { DbUnavailableError, identifier, isUnavailable, SESSION_SETTINGS, type Db } from './db';

export interface PgOptions {
  /** Milliseconds a statement may run before PostgreSQL cancels it (the API's time limit). */
  statementTimeoutMs?: number;
  max?: number;
  /** Schemas to search (the first one holds new tables): the server suite gives each test file its own. */
  searchPath?: readonly string[];
  /** Every session read-only, as on a replica (tests use it to check the server reads without writing). */
  readOnly?: boolean;
}

const unavailable = (e: unknown) => (isUnavailable(e) ? new DbUnavailableError(e) : e);

async function copyOn(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string>,
  options: { freeze?: boolean } = {},
) {
  const stream = client.query(
    copyFromStdin(
      `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM STDIN${options.freeze ? ' WITH (FREEZE)' : ''}`,
    ),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await done;
  return stream.rowCount;
}

function clientDb(client: pg.PoolClient): Db {
  return {
    kind: 'pg',
    connections: 1,
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      try {
        return (await client.query(sql, params as unknown[])).rows as T[];
      } catch (e) {
        throw unavailable(e);
      }
    },
    copyFrom: (table, columns, rows, options) =>
      copyOn(client, table, columns, copyChunks(rows), options).catch((e) => Promise.reject(unavailable(e))),
    copyText: (table, columns, chunks, options) =>
      copyOn(client, table, columns, chunks, options).catch((e) => Promise.reject(unavailable(e))),
    transaction: () => Promise.reject(new Error('transactions do not nest')),
    close: async () => {},
  };
}

export function openPg(url: string, options: PgOptions = {}): Db {
  const max = options.max ?? 8;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    options: [
      ...Object.entries(SESSION_SETTINGS).map(([k, v]) => `-c ${k}=${v}`),
      ...(options.searchPath ? [`-c search_path=${options.searchPath.map(identifier).join(',')}`] : []),
      ...(options.readOnly ? ['-c default_transaction_read_only=on'] : []),
    ].join(' '),
  });
  // An idle connection that dies (the server stopped) must not crash the process; the next query says 503.
  pool.on('error', () => {});
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw new DbUnavailableError(e);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (e) {
      if (isUnavailable(e)) broken = e as Error;
      throw unavailable(e);
    } finally {
      client.release(broken);
    }
  };
  return {
    kind: 'pg',
    connections: max,
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      try {
        return (await pool.query(sql, params as unknown[])).rows as T[];
      } catch (e) {
        throw pool.ended ? new DbUnavailableError(e) : unavailable(e);
      }
    },
    copyFrom: (table, columns, rows, options) =>
      withClient((client) => copyOn(client, table, columns, copyChunks(rows), options)),
    copyText: (table, columns, chunks, options) =>
      withClient((client) => copyOn(client, table, columns, chunks, options)),
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(clientDb(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw e;
        }
      }),
    close: () => pool.end(),
  };
}
