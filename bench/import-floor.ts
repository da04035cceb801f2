/**
 * The import's floor on this machine: how long Node takes to turn a dataset into COPY text with no database
 * at all (PageRank and degree included), how long PostgreSQL itself takes to load those files with psql's
 * \copy into bare tables (each created in the same transaction, FREEZE, no indexes), to compute the derived
 * tables, and to build each index one after the other. What importBundle can reach on 2 cores rests on
 * these figures (docs/performance.md). In a throwaway cluster (bench/server-cluster.ts), removed on exit.
 *
 *   npx tsx bench/import-floor.ts --dataset <folder> [--wal-minimal]
 *   npm run bench -- --import-floor [--sizes 200000x1000000] [--wal-minimal]
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatasetInput } from '../scripts/dataset-input';
import { openPg } from '../src/server/db-pg';
import { DERIVED } from '../src/server/import';
import { COLUMNS, versionRows } from '../src/server/import-rows';
import {
  ensureSchema,
  partitionIndexes,
  partitionOf,
  QUOTE_PARTS,
  quotePartOf,
  quotePartRows,
  VERSIONED_TABLES,
  type CopiedTable,
} from '../src/server/schema';
import { startCluster } from './server-cluster';

export interface FloorFigures {
  dataset: string;
  relations: number;
  walLevel: string;
  /** 1-minute load average as each phase began: the 2 cores are shared. */
  load: { node: number; copy: number; indexes: number };
  validateMs: number;
  /** versionRows: row numbers, degree, PageRank, facets, timeline. */
  nodePrepMs: number;
  /** Each copied table's rows turned into COPY text (written to a file), with its size. */
  nodeText: Record<string, { ms: number; bytes: number }>;
  copy: Record<string, number>;
  derived: Record<string, number>;
  indexes: Record<string, number>;
}

const VERSION = 1;

export async function measureFloor(
  dataset: string,
  { walMinimal = false, say = (m: string) => console.log(m) } = {},
): Promise<FloorFigures> {
  let t = performance.now();
  const { bundle, problems } = readDatasetInput(dataset);
  if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
  const validateMs = performance.now() - t;
  say(`validated in ${(validateMs / 1000).toFixed(1)} s`);
  const load = { node: loadavg()[0]!, copy: 0, indexes: 0 };
  t = performance.now();
  const rows = versionRows(bundle, VERSION);
  const nodePrepMs = performance.now() - t;
  const dir = mkdtempSync(join(tmpdir(), 'threadline-floor-'));
  const cluster = await startCluster(say, walMinimal ? ['wal_level=minimal', 'max_wal_senders=0'] : []);
  try {
    const nodeText: FloorFigures['nodeText'] = {};
    // As the importer loads them: each table, the quotes as their parts (schema.ts).
    const copied = (Object.keys(COLUMNS) as CopiedTable[]).flatMap(
      (table): { name: string; table: CopiedTable; from?: number; to?: number }[] =>
        table === 'tl_quotes'
          ? Array.from({ length: QUOTE_PARTS }, (_, part) => ({
              name: quotePartOf(VERSION, part),
              table,
              ...quotePartRows(bundle.quotes.length, part),
            }))
          : [{ name: partitionOf(table, VERSION), table }],
    );
    for (const { name, table, from, to } of copied) {
      t = performance.now();
      const fd = openSync(join(dir, name), 'w');
      let bytes = 0;
      for (const chunk of rows.tables[table](from, to)) bytes += writeSync(fd, chunk);
      closeSync(fd);
      nodeText[name] = { ms: performance.now() - t, bytes };
      say(`node: ${name} as COPY text in ${(nodeText[name].ms / 1000).toFixed(1)} s`);
    }
    const db = openPg(cluster.url, { max: 1 });
    await ensureSchema(db);
    const [wal] = await db.query<{ wal_level: string }>('SHOW wal_level');
    load.copy = loadavg()[0]!;
    const copy: Record<string, number> = {};
    for (const { name: partition, table } of copied) {
      t = performance.now();
      execFileSync('psql', [
        cluster.url,
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-1',
        '-c',
        `CREATE TABLE ${partition} (LIKE ${table} INCLUDING DEFAULTS, CHECK (version = ${VERSION}))`,
        '-c',
        `\\copy ${partition} (${COLUMNS[table].join(', ')}) FROM '${join(dir, partition)}' WITH (FREEZE)`,
      ]);
      copy[partition] = performance.now() - t;
      say(`psql \\copy ${partition}: ${(copy[partition] / 1000).toFixed(1)} s`);
    }
    const derived: Record<string, number> = {};
    for (const [table, sql] of Object.entries(DERIVED)) {
      t = performance.now();
      await db.query(
        `CREATE TABLE ${partitionOf(table as CopiedTable, VERSION)} (LIKE ${table} INCLUDING DEFAULTS)`,
      );
      await db.query(sql(VERSION));
      derived[table] = performance.now() - t;
      say(`derived ${table}: ${(derived[table] / 1000).toFixed(1)} s`);
    }
    load.indexes = loadavg()[0]!;
    const indexes: Record<string, number> = {};
    for (const table of VERSIONED_TABLES)
      for (const part of table === 'tl_quotes' ? [...Array(QUOTE_PARTS).keys()] : [undefined])
        for (const ddl of await partitionIndexes(db, table, VERSION, part)) {
          const name = /INDEX (\S+)/.exec(ddl)![1]!.replace(/_v\d+/, '');
          t = performance.now();
          await db.query(ddl);
          indexes[name] = performance.now() - t;
          say(`index ${name}: ${(indexes[name] / 1000).toFixed(1)} s`);
        }
    await db.close();
    return {
      dataset,
      relations: bundle.relations.length,
      walLevel: wal!.wal_level,
      load,
      validateMs,
      nodePrepMs,
      nodeText,
      copy,
      derived,
      indexes,
    };
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function floorTable(f: FloorFigures): string {
  const text = Object.values(f.nodeText).reduce((a, b) => a + b.ms, 0);
  const lines = [
    `Import floor: ${f.relations.toLocaleString('en')} relations, wal_level=${f.walLevel}, load ${f.load.node.toFixed(1)} / ${f.load.copy.toFixed(1)} / ${f.load.indexes.toFixed(1)} (node / copy / indexes)`,
    '',
    '| step | what | time |',
    '|---|---|---|',
    `| node | versionRows (degree, PageRank, facets) | ${s(f.nodePrepMs)} |`,
    ...Object.entries(f.nodeText).map(
      ([t, v]) => `| node | ${t} as COPY text (${(v.bytes / 1e6).toFixed(0)} MB) | ${s(v.ms)} |`,
    ),
    ...Object.entries(f.copy).map(([t, ms]) => `| psql \\copy | ${t} | ${s(ms)} |`),
    ...Object.entries(f.derived).map(([t, ms]) => `| SQL | ${t} | ${s(ms)} |`),
    ...Object.entries(f.indexes).map(([t, ms]) => `| index | ${t} | ${s(ms)} |`),
    `| total | node ${s(f.nodePrepMs + text)}, copy ${s(sum(f.copy))}, derived ${s(sum(f.derived))}, indexes ${s(sum(f.indexes))} | ${s(f.nodePrepMs + text + sum(f.copy) + sum(f.derived) + sum(f.indexes))} |`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dataset');
  if (at < 0 || !args[at + 1]) {
    console.error('usage: npx tsx bench/import-floor.ts --dataset <folder> [--wal-minimal]');
    process.exit(2);
  }
  const figures = await measureFloor(args[at + 1]!, { walMinimal: args.includes('--wal-minimal') });
  console.log(`\n${floorTable(figures)}\n${JSON.stringify(figures)}`);
}
