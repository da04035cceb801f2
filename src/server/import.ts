/**
 * Loads a validated bundle as a new version of its dataset. The version's tables are created, filled with
 * COPY, derived, indexed and analysed as standalone tables, over a few connections at once (load-tasks.ts);
 * then one short transaction attaches them as partitions, adopting the indexes already built, and moves
 * the dataset's pointer. Readers see the old version or the new one, never a mix. A failed import drops
 * what it made; one killed half way leaves only standalone tables that no query reads, which the next
 * import drops (dropStaleVersions). A finished import keeps the version before it (a team can go back)
 * and drops older ones.
 */
import type { Bundle } from '../model/format/bundle';
import type { Db } from './db';
import { COLUMNS, versionRows } from './import-rows';
import { runTasks, type LoadTask, type TaskTime } from './load-tasks';
import { analyseParents } from './parent-stats';
import {
  ensureSchema,
  partitionIndexes,
  partitionOf,
  INDEX_BUILD_MEMORY,
  QUOTE_PARTS,
  quotePartOf,
  quotePartRows,
  VERSIONED_TABLES,
  versionTables,
  type CopiedTable,
  type VersionedTable,
} from './schema';

export interface ImportResult {
  dataset: string;
  version: number;
  previousVersion: number | null;
  counts: { entities: number; relations: number; quotes: number; sources: number };
  ms: number;
  /** When each load task (copy, derive, index, analyze per table) ran, in ms from the load's start. */
  tasks: Record<string, TaskTime>;
}

export interface ImportOptions {
  /** Told each step as it starts, for progress lines; the import waits for it. */
  onStep?: (step: string) => void | Promise<void>;
  /** Connections that load at once, beside the one that switches (PostgreSQL only; the pool must have room). */
  connections?: number;
  /**
   * Empty the bundle's lists as their rows are written (import-rows.ts), for a caller that has no further
   * use for it: the tables copied last are then written in a smaller heap.
   */
  consume?: boolean;
}

/**
 * Loading connections on PostgreSQL: one copies (Node writing its text keeps one core busy) while two build
 * indexes and derive tables from what is already in (measured in docs/performance.md).
 */
const LOAD_CONNECTIONS = 3;

/** Advisory-lock namespace ("tl"): a loading version's number is locked while its import is alive. */
const LOCK_SPACE = 0x746c;

/** Versions this process is loading: PGlite is one session, where an advisory lock cannot tell. */
const loadingHere = new Set<number>();

/**
 * For each load transaction, on PostgreSQL only (PGlite has one thread and a small heap): its commit does
 * not wait for the WAL to reach the disk (a crash then loses tables no reader sees yet, never the previous
 * version), and index builds and the derived tables' grouping get room in memory (never less than the
 * server was given), sized for a few at once.
 */
const LOAD_SETTINGS = [
  // Source texts compressed with LZ4 where the server has it, not pglz: pglz took 1.7 s more per 120 MB
  // of text (the 1M dataset's; 5M has 633 MB), and readers decompress LZ4 faster too.
  `SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
    WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
  `SET LOCAL synchronous_commit = off`,
  INDEX_BUILD_MEMORY,
  `SELECT set_config('work_mem', greatest(pg_size_bytes(current_setting('work_mem')), 256 * 1024 * 1024) / 1024 || 'kB', true)`,
];

/** The derived table, computed in SQL from the version's copied ones (the counts come from Node: import-rows.ts). */
export const DERIVED: Record<Exclude<VersionedTable, CopiedTable>, (v: number) => string> = {
  tl_words: (v) => `INSERT INTO ${partitionOf('tl_words', v)} (version, word)
    SELECT DISTINCT ${v}, word FROM ${partitionOf('tl_name_words', v)}`,
};

/** The copied table each derived one is computed from. */
const DERIVED_FROM: Record<keyof typeof DERIVED, CopiedTable> = {
  tl_words: 'tl_name_words',
};
/**
 * The copies go one after the other, on one connection: writing their COPY text is Node's work on one core,
 * and a second stream beside it would only halve each one's pace. Quotes first: their full-text index is
 * the longest build, and starts as soon as they are in; relations next (four indexes), then their counts
 * per entity and type.
 */
export const COPY_ORDER: readonly CopiedTable[] = [
  'tl_quotes',
  'tl_relations',
  'tl_type_counts',
  'tl_evidence',
  'tl_entities',
  'tl_sources',
  'tl_source_parts',
  'tl_name_words',
  'tl_speakers',
  'tl_relation_types',
];

const createTable = (table: VersionedTable, version: number) =>
  // Standalone until attached; the check constraint lets ATTACH skip scanning it again.
  `CREATE TABLE ${partitionOf(table, version)} (LIKE ${table} INCLUDING DEFAULTS, CHECK (version = ${version}))`;

/** A part of a version's quotes, holding rows [from, to): its checks let ATTACH skip scanning it. */
const createQuotePart = (version: number, part: number, { from, to }: { from: number; to: number }) =>
  `CREATE TABLE ${quotePartOf(version, part)} (LIKE tl_quotes INCLUDING DEFAULTS, CHECK (version = ${version}), ` +
  `CHECK (${[part > 0 ? `row >= ${from}` : '', part < QUOTE_PARTS - 1 ? `row < ${to}` : ''].filter(Boolean).join(' AND ') || 'true'}))`;

/** A part's range as ATTACH PARTITION bounds: the first and last parts open-ended, as their checks are. */
const partBounds = (part: number, { from, to }: { from: number; to: number }) =>
  `FOR VALUES FROM (${part > 0 ? from : 'MINVALUE'}) TO (${part < QUOTE_PARTS - 1 ? to : 'MAXVALUE'})`;

/** One COPY of the load: a table, or a part of the quotes. */
interface CopyStep {
  name: string;
  table: CopiedTable;
  part?: number;
}

/** The copies in COPY_ORDER, the quotes as their parts, the first part first. */
const copySteps = (): CopyStep[] =>
  COPY_ORDER.flatMap((table): CopyStep[] =>
    table === 'tl_quotes'
      ? Array.from({ length: QUOTE_PARTS }, (_, part) => ({ name: `copy ${table} p${part}`, table, part }))
      : [{ name: `copy ${table}`, table }],
  );

/** What loading a version takes, as tasks, in the order they go when several are ready (exported for its test). */
export async function loadTasks(
  db: Db,
  version: number,
  rows: ReturnType<typeof versionRows>,
): Promise<LoadTask<Db>[]> {
  const steps = copySteps();
  const quotes = rows.counts.quotes;
  /** The tasks that fill a table (or one part of the quotes). */
  const filling = (table: VersionedTable, part?: number) =>
    table in DERIVED
      ? [`derive ${table}`]
      : steps.filter((c) => c.table === table && (part === undefined || c.part === part)).map((c) => c.name);
  const indexes: LoadTask<Db>[] = [];
  const analyses: LoadTask<Db>[] = [];
  // Each table, or each part of the quotes, is indexed and analysed on its own.
  const units = VERSIONED_TABLES.flatMap((table): { table: VersionedTable; part?: number }[] =>
    table === 'tl_quotes' ? Array.from({ length: QUOTE_PARTS }, (_, part) => ({ table, part })) : [{ table }],
  );
  for (const { table, part } of units) {
    const own: string[] = [];
    for (const ddl of await partitionIndexes(db, table, version, part)) {
      const name = `index ${/INDEX (\S+)/.exec(ddl)![1]}`;
      own.push(name);
      // A part's other indexes wait for every part to be in: a connection that took one while the next part
      // was copied kept that part's full-text build waiting (at 5M, from 35.9 s to 52.6 s).
      const fullText = name.includes('quotes_words');
      indexes.push({
        name,
        after: part === undefined || fullText ? filling(table, part) : filling(table),
        run: async (c) => void (await c.query(ddl)),
      });
    }
    // After its indexes: statistics on an expression index's values are gathered only once it exists.
    const relation = part === undefined ? partitionOf(table, version) : quotePartOf(version, part);
    analyses.push({
      name: `analyze ${part === undefined ? table : `${table} p${part}`}`,
      after: [...filling(table, part), ...own],
      run: async (c) => void (await c.query(`ANALYZE ${relation}`)),
    });
  }
  const derived = (Object.keys(DERIVED) as (keyof typeof DERIVED)[]).map((table): LoadTask<Db> => ({
    name: `derive ${table}`,
    after: filling(DERIVED_FROM[table]),
    run: async (c) => {
      await c.query(createTable(table, version));
      await c.query(DERIVED[table](version));
    },
  }));
  const copies = steps.map(({ name, table, part }, i): LoadTask<Db> => ({
    name,
    after: i > 0 ? [steps[i - 1]!.name] : [],
    run: async (c) => {
      const range = part === undefined ? undefined : quotePartRows(quotes, part);
      await c.query(range ? createQuotePart(version, part!, range) : createTable(table, version));
      // FREEZE: the table was created in this transaction, so its rows are written frozen and visible
      // to all, and index-only scans work from the start.
      await c.copyText(
        range ? quotePartOf(version, part!) : partitionOf(table, version),
        COLUMNS[table],
        rows.tables[table](range?.from, range?.to),
        { freeze: true },
      );
      if (steps.findLast((s) => s.table === table) === steps[i]) rows.written(table);
    },
  }));
  // The next copy first whenever a connection is free (Node must never wait), then the longest builds: the
  // full-text halves, each as soon as its part is in.
  const longest = indexes.filter((t) => t.name.includes('quotes_words'));
  const rest = indexes.filter((t) => !longest.includes(t));
  return [...copies, ...longest, ...derived, ...rest, ...analyses];
}

/**
 * In the switching transaction: the version's quote parts gathered under one table partitioned by row,
 * whose indexes adopt the parts' (nothing is built here), ready to be attached as the version's partition.
 */
async function gatherQuoteParts(tx: Db, version: number, quotes: number): Promise<void> {
  await tx.query(
    `CREATE TABLE ${partitionOf('tl_quotes', version)} (LIKE tl_quotes INCLUDING DEFAULTS) PARTITION BY RANGE (row)`,
  );
  for (let part = 0; part < QUOTE_PARTS; part++)
    await tx.query(
      `ALTER TABLE ${partitionOf('tl_quotes', version)} ATTACH PARTITION ${quotePartOf(version, part)} ${partBounds(part, quotePartRows(quotes, part))}`,
    );
  for (const ddl of await partitionIndexes(tx, 'tl_quotes', version)) await tx.query(ddl);
}

export async function importBundle(
  db: Db,
  bundle: Bundle,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const step = options.onStep ?? (() => {});
  await ensureSchema(db);
  const dataset = bundle.dataset.id;
  // Loading connections beside the switching one; with none (PGlite, a pool of one) all runs in the latter.
  const width = db.kind === 'pg' ? Math.min(options.connections ?? LOAD_CONNECTIONS, db.connections - 1) : 0;
  await dropStaleVersions(db, dataset);
  let version: number | undefined;
  try {
    const result = await db.transaction(async (tx) => {
      // The version's number is locked before its row exists, so no other import takes it for a dead one's.
      const [next] = await tx.query<{ v: number }>(
        `SELECT nextval(pg_get_serial_sequence('tl_versions', 'version'))::int AS v`,
      );
      version = next!.v;
      loadingHere.add(version);
      await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_SPACE, version]);
      // Committed at once when other connections load, so a killed import's tables can be found and dropped.
      await (width > 0 ? db : tx).query(
        `INSERT INTO tl_versions (version, dataset_id, title, description, state, names_folded) VALUES ($1, $2, $3, $4, 'loading', true)`,
        [version, dataset, bundle.dataset.title, bundle.dataset.description ?? null],
      );
      await step('preparing rows');
      const rows = versionRows(bundle, version, { consume: options.consume });
      const v = version;
      await step('loading');
      const tasks = await loadTasks(tx, v, rows);
      const times =
        width > 0
          ? await runTasks(tasks, width, (work) =>
              db.transaction(async (c) => {
                for (const sql of LOAD_SETTINGS) await c.query(sql);
                await work(c);
              }),
            )
          : await (async () => {
              if (tx.kind === 'pg') for (const sql of LOAD_SETTINGS) await tx.query(sql);
              return runTasks(tasks, 1, (work) => work(tx));
            })();
      await step('switching');
      await gatherQuoteParts(tx, v, rows.counts.quotes);
      for (const table of VERSIONED_TABLES)
        await tx.query(`ALTER TABLE ${table} ATTACH PARTITION ${partitionOf(table, v)} FOR VALUES IN (${v})`);
      await tx.query(
        `UPDATE tl_versions SET state = 'ready', published_at = now(), counts = $2, facets = $3, timeline = $4, entity_types = $5
         WHERE version = $1`,
        [
          v,
          JSON.stringify(rows.counts),
          JSON.stringify(rows.facets),
          JSON.stringify(rows.timeline),
          JSON.stringify(bundle.entityTypes ?? []),
        ],
      );
      const [before] = await tx.query<{ current_version: number }>(
        `SELECT current_version FROM tl_datasets WHERE id = $1 FOR UPDATE`,
        [dataset],
      );
      await tx.query(
        `INSERT INTO tl_datasets (id, current_version, previous_version) VALUES ($1, $2, NULL)
         ON CONFLICT (id) DO UPDATE SET previous_version = tl_datasets.current_version, current_version = $2`,
        [dataset, v],
      );
      return {
        version: v,
        previousVersion: before?.current_version ?? null,
        counts: rows.counts,
        tasks: times,
      };
    });
    loadingHere.delete(result.version);
    await step('dropping superseded versions');
    await dropStaleVersions(db, dataset);
    await step('analysing');
    await analyseParents(db);
    return { dataset, ...result, ms: performance.now() - started };
  } catch (e) {
    if (version !== undefined) {
      loadingHere.delete(version);
      // Nothing is writing any more (runTasks waited); if even this fails, the next import drops them.
      await dropVersion(db, version).catch(() => {});
    }
    throw e;
  }
}

async function dropVersion(db: Db, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of versionTables(version)) await tx.query(`DROP TABLE IF EXISTS ${table}`);
    await tx.query(`DELETE FROM tl_versions WHERE version = $1`, [version]);
  });
}

/**
 * Drops every version of `dataset` but the current and the previous one, and any a killed import left
 * loading; not one still being loaded by a live import (its advisory lock is held). Returns those dropped.
 */
export async function dropStaleVersions(db: Db, dataset: string): Promise<number[]> {
  const stale = await db.query<{ version: number; state: string }>(
    `SELECT v.version, v.state FROM tl_versions v LEFT JOIN tl_datasets d ON d.id = v.dataset_id
     WHERE v.dataset_id = $1 AND v.version IS DISTINCT FROM d.current_version AND v.version IS DISTINCT FROM d.previous_version`,
    [dataset],
  );
  const dropped: number[] = [];
  for (const { version, state } of stale) {
    if (loadingHere.has(version)) continue;
    await db.transaction(async (tx) => {
      if (state === 'loading') {
        const [lock] = await tx.query<{ free: boolean }>(`SELECT pg_try_advisory_xact_lock($1, $2) AS free`, [
          LOCK_SPACE,
          version,
        ]);
        if (!lock?.free) return;
      }
      for (const table of versionTables(version)) await tx.query(`DROP TABLE IF EXISTS ${table}`);
      await tx.query(`DELETE FROM tl_versions WHERE version = $1`, [version]);
      dropped.push(version);
    });
  }
  return dropped;
}
