/**
 * The benchmark's engines live in bench/peers/node_modules, installed on demand (install.ts) from
 * bench/peers/package.json, so the app's own install never builds native code for them. They are loaded by
 * path from there, never from the app's node_modules, and typed here by the few calls the bench makes, so
 * type checking does not depend on whether they are installed.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const PEERS_DIR = import.meta.dirname;
export const PEER_MODULES = join(PEERS_DIR, 'node_modules');
export const peerPackageDir = (name: string): string => join(PEER_MODULES, name);

/** Loads a CommonJS module by its path (a package folder or a file). */
export const requirePath = (path: string): unknown => createRequire(import.meta.url)(path);

export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(params: Record<string, unknown>): unknown;
}
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  transaction(fn: () => void): () => void;
  close(): void;
}
/** better-sqlite3's default export. */
export type Sqlite = new (file: string) => SqliteDatabase;

export interface LbugQueryResult {
  getAllSync(): Array<Record<string, unknown>>;
}
export type LbugPrepared = object;
export interface LbugConnection {
  querySync(statement: string): LbugQueryResult | LbugQueryResult[];
  prepareSync(statement: string): LbugPrepared;
  executeSync(statement: LbugPrepared, params: Record<string, unknown>): LbugQueryResult | LbugQueryResult[];
  closeSync(): void;
}
export interface LbugDatabase {
  close(): Promise<void>;
}
export interface Lbug {
  Database: { new (path: string): LbugDatabase; getVersion(): string };
  Connection: new (db: LbugDatabase) => LbugConnection;
}
