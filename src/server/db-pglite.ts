/** The embedded database: PostgreSQL compiled to WebAssembly, its data in a local folder (or in memory). */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { copyChunks } from './copy-text';
import { DbUnavailableError, identifier, isUnavailable, SESSION_SETTINGS, type Db } from './db';

type Runner = Pick<PGlite, 'query'> | Transaction;

function wrap(runner: Runner, owner: PGlite, transaction: Db['transaction']): Db {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    if (owner.closed) throw new DbUnavailableError('PGlite is closed');
    try {
      return await work();
    } catch (e) {
      throw isUnavailable(e) ? new DbUnavailableError(e) : e;
    }
  };
  return {
    kind: 'pglite',
    connections: 1,
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      guard(async () => (await runner.query<T>(sql, params as unknown[])).rows),
    copyFrom(table, columns, rows, options) {
      return this.copyText(table, columns, copyChunks(rows), options);
    },
    async copyText(table, columns, chunks, options = {}) {
      const into = `${identifier(table)} (${columns.map(identifier).join(', ')})`;
      const freeze = options.freeze ? ' WITH (FREEZE)' : '';
      let count = 0;
      // PGlite reads COPY input from a blob it mounts at /dev/blob; chunks keep each blob small.
      for (const chunk of chunks) {
        const result = await guard(() =>
          runner.query(`COPY ${into} FROM '/dev/blob'${freeze}`, [], { blob: new Blob([chunk]) }),
        );
        count += result.affectedRows ?? 0;
      }
      return count;
    },
    transaction,
    close: () => owner.close(),
  };
}

/** Opens (or creates) the database in `dataDir`; no folder means an in-memory database, for tests. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm, unaccent } });
  for (const [k, v] of Object.entries(SESSION_SETTINGS))
    await pg.query(`SELECT set_config($1, $2, false)`, [k, v]);
  const transaction: Db['transaction'] = (work) =>
    pg.transaction((tx) => work(wrap(tx, pg, () => Promise.reject(new Error('transactions do not nest')))));
  return wrap(pg, pg, transaction);
}
