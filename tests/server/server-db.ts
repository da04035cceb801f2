/**
 * The database a server test runs on: an in-memory PGlite, or with DATABASE_URL a schema of its own on
 * that PostgreSQL server (dropped afterwards), so test files never see each other's datasets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Bundle } from '../../src/model/format/bundle';
import type { Db } from '../../src/server/db';
import { openPg } from '../../src/server/db-pg';
import { openPglite } from '../../src/server/db-pglite';
import { importBundle } from '../../src/server/import';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  /** What db:import and serve take as --db. */
  url: string;
  open(): Promise<Db>;
  /** The same database with every session read-only, as a replica serves it. */
  openReadOnly(): Promise<Db>;
  dispose(): Promise<void>;
}

/** A database for one test file; on PGlite in a temporary folder when `folder` is asked for (CLI tests). */
export async function testDatabase(name: string, { folder = false } = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const schema = `test_${name.replace(/\W/g, '_')}_${process.pid}`;
    const admin = openPg(base);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    // In public, which every test schema searches too; two files may race to create it.
    for (const extension of ['pg_trgm', 'unaccent'])
      await admin.query(`CREATE EXTENSION IF NOT EXISTS ${extension} SCHEMA public`).catch(() => {});
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    return {
      url: url.toString(),
      open: async () => openPg(base, { searchPath: [schema, 'public'] }),
      openReadOnly: async () => openPg(base, { searchPath: [schema, 'public'], readOnly: true }),
      dispose: async () => {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const readOnly = async (dir?: string) => {
    const db = await openPglite(dir);
    await db.query('SET default_transaction_read_only = on');
    return db;
  };
  if (!folder)
    return { url: 'memory://', open: () => openPglite(), openReadOnly: readOnly, dispose: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), `threadline-${name}-`));
  return {
    url: `pglite://${dir}`,
    open: () => openPglite(dir),
    openReadOnly: () => readOnly(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A test file's set-up: before its tests, a database of its own with `bundle` imported, handed to `use`;
 * after them, closed and removed.
 */
export function importedOnce(
  name: string,
  bundle: () => Bundle,
  use: (opened: { db: Db; version: number }) => void,
): void {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await testDatabase(name);
    db = await database.open();
    const { version } = await importBundle(db, bundle());
    use({ db, version });
  });
  afterAll(async () => {
    await db?.close();
    await database?.dispose();
  });
}
