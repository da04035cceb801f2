/** The database a URL names: postgres:// (or postgresql://) is a PostgreSQL server; anything else a PGlite folder. */
import type { Db } from './db';
import { openPg } from './db-pg';
import { openPglite } from './db-pglite';

/** Where the embedded database keeps its data when no DATABASE_URL is given (git-ignored). */
export const DEFAULT_PGLITE_DIR = '.threadline-db';

export async function openDb(
  url: string | undefined,
  options: { statementTimeoutMs?: number } = {},
): Promise<Db> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPg(url, options);
  return openPglite(url?.replace(/^pglite:\/\//, '') || DEFAULT_PGLITE_DIR);
}

/** The URL with its password hidden, for logs. */
export const shownUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
