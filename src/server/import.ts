/**
 * Loads a validated bundle as a new version of its dataset. Everything happens in one transaction: the
 * version's tables are created and filled with COPY, indexed as they are attached, and the dataset's
 * pointer moves to them last. An import that fails or is killed half way leaves the previous version
 * exactly as it was; a finished one keeps the version before it (a team can go back) and drops older ones.
 */
import type { Bundle } from '../model/format/bundle';
import type { Db } from './db';
import { COLUMNS, versionRows } from './import-rows';
import { ensureSchema, partitionOf, VERSIONED_TABLES, type CopiedTable, type VersionedTable } from './schema';

export interface ImportResult {
  dataset: string;
  version: number;
  previousVersion: number | null;
  counts: { entities: number; relations: number; quotes: number; sources: number };
  ms: number;
}

export interface ImportOptions {
  /** Told each step as it starts, for progress lines; the import waits for it. */
  onStep?: (step: string) => void | Promise<void>;
}

/**
 * For the load's transaction only, on PostgreSQL (PGlite has one thread and a small heap): the commit does
 * not wait for its WAL to reach the disk — a crash in that instant loses the new version, never the old
 * one, as the pointer moves in the same commit — and the index builds and the derived tables' grouping get
 * room to work in memory (never less than the server was given).
 */
const LOAD_SETTINGS = [
  `SET LOCAL synchronous_commit = off`,
  `SELECT set_config('maintenance_work_mem', greatest(pg_size_bytes(current_setting('maintenance_work_mem')), 1024 * 1024 * 1024) / 1024 || 'kB', true)`,
  `SELECT set_config('work_mem', greatest(pg_size_bytes(current_setting('work_mem')), 256 * 1024 * 1024) / 1024 || 'kB', true)`,
];

/** The derived tables, computed in SQL from the version's copied ones. */
const DERIVED: Record<Exclude<VersionedTable, CopiedTable>, (v: number) => string> = {
  tl_type_counts: (v) => `INSERT INTO ${partitionOf('tl_type_counts', v)} (version, entity, type, n)
    SELECT ${v}, entity, type, count(*)::int FROM (
      SELECT source AS entity, type FROM ${partitionOf('tl_relations', v)}
      UNION ALL SELECT target, type FROM ${partitionOf('tl_relations', v)} WHERE target <> source
    ) ends GROUP BY entity, type`,
  tl_words: (v) => `INSERT INTO ${partitionOf('tl_words', v)} (version, word)
    SELECT DISTINCT ${v}, word FROM ${partitionOf('tl_name_words', v)}`,
  tl_speakers: (v) => `INSERT INTO ${partitionOf('tl_speakers', v)} (version, entity, quotes)
    SELECT ${v}, s, count(*)::int FROM ${partitionOf('tl_quotes', v)}, unnest(speakers) AS s GROUP BY s`,
};

export async function importBundle(
  db: Db,
  bundle: Bundle,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const step = options.onStep ?? (() => {});
  await ensureSchema(db);
  const dataset = bundle.dataset.id;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ version: number }>(
      `INSERT INTO tl_versions (dataset_id, title, description, state) VALUES ($1, $2, $3, 'loading') RETURNING version`,
      [dataset, bundle.dataset.title, bundle.dataset.description ?? null],
    );
    const version = row!.version;
    if (tx.kind === 'pg') for (const sql of LOAD_SETTINGS) await tx.query(sql);
    const rows = versionRows(bundle, version);
    for (const table of VERSIONED_TABLES) {
      // Standalone until attached, without indexes: COPY into a bare table is fastest, and the check
      // constraint lets ATTACH skip scanning it again.
      await tx.query(
        `CREATE TABLE ${partitionOf(table, version)} (LIKE ${table} INCLUDING DEFAULTS, CHECK (version = ${version}))`,
      );
    }
    for (const table of Object.keys(COLUMNS) as CopiedTable[]) {
      await step(`copying ${table.slice(3)}`);
      await tx.copyFrom(partitionOf(table, version), COLUMNS[table], rows.tables[table](), { freeze: true });
    }
    for (const [table, sql] of Object.entries(DERIVED)) {
      await step(`computing ${table.slice(3)}`);
      await tx.query(sql(version));
    }
    await step('indexing');
    for (const table of VERSIONED_TABLES)
      await tx.query(
        `ALTER TABLE ${table} ATTACH PARTITION ${partitionOf(table, version)} FOR VALUES IN (${version})`,
      );
    await tx.query(
      `UPDATE tl_versions SET state = 'ready', published_at = now(), counts = $2, facets = $3, timeline = $4, entity_types = $5
       WHERE version = $1`,
      [
        version,
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
      [dataset, version],
    );
    return { version, previousVersion: before?.current_version ?? null, counts: rows.counts };
  });
  await step('dropping superseded versions');
  await dropStaleVersions(db, dataset);
  for (const table of VERSIONED_TABLES) await db.query(`ANALYZE ${partitionOf(table, result.version)}`);
  return { dataset, ...result, ms: performance.now() - started };
}

/** Every version of `dataset` but the current and the previous one, and any a killed import left unfinished. */
export async function dropStaleVersions(db: Db, dataset: string): Promise<number[]> {
  const stale = await db.query<{ version: number }>(
    `SELECT v.version FROM tl_versions v LEFT JOIN tl_datasets d ON d.id = v.dataset_id
     WHERE v.dataset_id = $1 AND v.version IS DISTINCT FROM d.current_version AND v.version IS DISTINCT FROM d.previous_version`,
    [dataset],
  );
  for (const { version } of stale)
    await db.transaction(async (tx) => {
      for (const table of VERSIONED_TABLES)
        await tx.query(`DROP TABLE IF EXISTS ${partitionOf(table, version)}`);
      await tx.query(`DELETE FROM tl_versions WHERE version = $1`, [version]);
    });
  return stale.map((s) => s.version);
}
