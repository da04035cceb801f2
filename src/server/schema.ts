/**
 * The tables. Every dataset table is partitioned by `version`: an import loads a version into tables of
 * its own, then attaches them and moves the dataset's pointer in the same transaction, so readers see the
 * old version or the new one, never a mix, and a version is dropped whole. Entities and quotes are
 * referenced by their row number within a version (integers join faster than slugs).
 */
import type { Db } from './db';
import { moveTextsIntoParts, textsHeldWhole } from './source-parts';

/** The partitioned tables an import fills, in the order it fills them. */
export const VERSIONED_TABLES = [
  'tl_relation_types',
  'tl_sources',
  'tl_source_parts',
  'tl_entities',
  'tl_quotes',
  'tl_relations',
  'tl_evidence',
  'tl_name_words',
  'tl_type_counts',
  'tl_speakers',
  'tl_words',
] as const;
export type VersionedTable = (typeof VERSIONED_TABLES)[number];
/** The tables filled from the bundle by COPY; the rest are derived from them in SQL. */
export type CopiedTable = Exclude<VersionedTable, 'tl_words'>;

/**
 * The text search configurations the quotes are searched with: PostgreSQL's `english` and `simple` with
 * accents folded first (the `unaccent` dictionary), so "Lopez" finds "López" as the local search does
 * (search-text.ts). Only words with letters beyond ASCII go through it: an English text's ASCII words are
 * stemmed exactly as before, at the same cost.
 */
export const TEXT_CONFIGS = { english: 'tl_english', simple: 'tl_simple' } as const;

/** Room for an index build, never less than the server was given (PostgreSQL only: PGlite's heap is small). */
export const INDEX_BUILD_MEMORY = `SELECT set_config('maintenance_work_mem', greatest(pg_size_bytes(current_setting('maintenance_work_mem')), 512 * 1024 * 1024) / 1024 || 'kB', true)`;

const DDL = `
CREATE TABLE IF NOT EXISTS tl_datasets (
  id text PRIMARY KEY,
  current_version int NOT NULL,
  previous_version int
);
CREATE TABLE IF NOT EXISTS tl_versions (
  version serial PRIMARY KEY,
  dataset_id text NOT NULL,
  title text NOT NULL,
  description text,
  state text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  counts jsonb,
  facets jsonb,
  timeline jsonb,
  entity_types jsonb
);
-- Ids, and the relation type ids they are counted and joined by, compare as bytes (COLLATE "C"): equality
-- is the same in every collation, and under a locale's collation (the benchmark's clusters are C.UTF-8) a
-- B-tree's sort calls strcoll for every comparison, without abbreviated keys: over 5M relation ids 5.8 s
-- of a core, 3.6 s as bytes. A database made before keeps its columns as they were; queries are the same.
CREATE TABLE IF NOT EXISTS tl_relation_types (
  version int NOT NULL, row int NOT NULL, id text COLLATE "C" NOT NULL, label text NOT NULL, inverse_label text NOT NULL,
  directed boolean NOT NULL, domain text[] NOT NULL, range text[] NOT NULL
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_sources (
  version int NOT NULL, row int NOT NULL, id text COLLATE "C" NOT NULL, meta jsonb NOT NULL,
  -- The text's length in UTF-16 units, as the quotes' offsets count (PostgreSQL's length() counts a
  -- character beyond the Basic Multilingual Plane once). Null only until a database imported before it was
  -- counted has its texts moved into parts (source-parts.ts).
  chars int
) PARTITION BY LIST (version);
-- Each source's text once, in consecutive parts cut at import (source-parts.ts): a window around a quote
-- reads the part or two it falls in, not the whole text.
CREATE TABLE IF NOT EXISTS tl_source_parts (
  version int NOT NULL, source int NOT NULL, start int NOT NULL, text text NOT NULL
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_entities (
  version int NOT NULL, row int NOT NULL, id text COLLATE "C" NOT NULL, type text NOT NULL, name text NOT NULL,
  aliases text[], description text NOT NULL, role text, date jsonb, date_start text, date_end text,
  -- Name and aliases, lower-cased: what the typeahead matches.
  search text NOT NULL,
  degree int NOT NULL, pagerank double precision NOT NULL
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_quotes (
  version int NOT NULL, row int NOT NULL, id text COLLATE "C" NOT NULL, source int NOT NULL, span_start int NOT NULL,
  span_end int NOT NULL, exact text NOT NULL, prefix text, suffix text, speakers int[] NOT NULL, occasion int
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_relations (
  version int NOT NULL, row int NOT NULL, id text COLLATE "C" NOT NULL, source int NOT NULL, target int NOT NULL,
  type text COLLATE "C" NOT NULL,
  -- Index into STATUSES, firmest first, so a status floor is one comparison.
  status smallint NOT NULL,
  date jsonb, date_start text, date_end text, note text, answers text,
  -- A date the source gives relative to its own ("Tuesday"), as written (issue #18).
  date_written jsonb
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_evidence (
  version int NOT NULL, relation int NOT NULL, ord int NOT NULL, quote int NOT NULL,
  -- A claim's own footing (issue #18); null takes the relation's status.
  status smallint, asserted_by text[], answers text
) PARTITION BY LIST (version);
-- One row per word of an entity's name and aliases (words as nameWords() cuts them), with the entity's
-- degree: a typed word's prefix is one B-tree range, answered from the index alone. whole: the word is
-- itself the whole name or an alias ("Manafort"), which a search for exactly it lists first.
CREATE TABLE IF NOT EXISTS tl_name_words (
  version int NOT NULL, word text NOT NULL, entity int NOT NULL, degree int NOT NULL, whole boolean NOT NULL
) PARTITION BY LIST (version);
-- The distinct words of tl_name_words: the typo pass's trigrams search these, far fewer than the names.
CREATE TABLE IF NOT EXISTS tl_words (
  version int NOT NULL, word text NOT NULL
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_type_counts (
  version int NOT NULL, entity int NOT NULL, type text COLLATE "C" NOT NULL, n int NOT NULL
) PARTITION BY LIST (version);
CREATE TABLE IF NOT EXISTS tl_speakers (
  version int NOT NULL, entity int NOT NULL, quotes int NOT NULL
) PARTITION BY LIST (version);

-- Databases made before issue #18's evidence model gain its columns.
ALTER TABLE tl_versions ADD COLUMN IF NOT EXISTS entity_types jsonb;
-- Whether the names the typeahead matches were folded as a query is (accents off): null in versions imported
-- before, which the server folds once at start (fold-names.ts).
ALTER TABLE tl_versions ADD COLUMN IF NOT EXISTS names_folded boolean;
ALTER TABLE tl_relations ADD COLUMN IF NOT EXISTS date_written jsonb;
-- Databases imported before texts were stored in parts: filled when they are moved (source-parts.ts).
ALTER TABLE tl_sources ADD COLUMN IF NOT EXISTS chars int;
CREATE UNIQUE INDEX IF NOT EXISTS tl_relation_types_id ON tl_relation_types (version, id);
CREATE UNIQUE INDEX IF NOT EXISTS tl_sources_id ON tl_sources (version, id);
CREATE UNIQUE INDEX IF NOT EXISTS tl_sources_row ON tl_sources (version, row);
CREATE UNIQUE INDEX IF NOT EXISTS tl_source_parts_at ON tl_source_parts (version, source, start);
CREATE UNIQUE INDEX IF NOT EXISTS tl_entities_id ON tl_entities (version, id);
CREATE UNIQUE INDEX IF NOT EXISTS tl_entities_row ON tl_entities (version, row) INCLUDE (degree);
CREATE INDEX IF NOT EXISTS tl_entities_degree ON tl_entities (version, degree DESC, row);
-- The typeahead's prefix pass picks its page from the index alone (index-only, the rows being frozen by COPY).
-- It replaces one without degree, dropped where found (a DO block, so a read-only replica runs it too).
DO $$ BEGIN IF to_regclass('tl_entities_prefix') IS NOT NULL THEN DROP INDEX tl_entities_prefix; END IF; END $$;
CREATE INDEX IF NOT EXISTS tl_entities_prefix_degree ON tl_entities (version, search text_pattern_ops) INCLUDE (degree, row);
CREATE INDEX IF NOT EXISTS tl_name_words_prefix ON tl_name_words (version, word text_pattern_ops) INCLUDE (entity, degree, whole);
CREATE INDEX IF NOT EXISTS tl_words_trgm ON tl_words USING gin (word gin_trgm_ops);
-- A version's quotes are split by row (QUOTE_PARTS), and a unique index must hold the split's column: quote
-- ids are unique by validation, not by this index. It replaces a unique one, dropped where found.
DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('tl_quotes_id') AND indisunique) THEN DROP INDEX tl_quotes_id; END IF; END $$;
CREATE INDEX IF NOT EXISTS tl_quotes_id ON tl_quotes (version, id);
CREATE UNIQUE INDEX IF NOT EXISTS tl_quotes_row ON tl_quotes (version, row);
CREATE INDEX IF NOT EXISTS tl_quotes_words ON tl_quotes USING gin (to_tsvector('${TEXT_CONFIGS.english}', exact));
CREATE UNIQUE INDEX IF NOT EXISTS tl_relations_id ON tl_relations (version, id);
CREATE UNIQUE INDEX IF NOT EXISTS tl_relations_row ON tl_relations (version, row);
CREATE INDEX IF NOT EXISTS tl_relations_out ON tl_relations (version, source, type, row) INCLUDE (target, status);
CREATE INDEX IF NOT EXISTS tl_relations_in ON tl_relations (version, target, type, row) INCLUDE (source, status);
CREATE INDEX IF NOT EXISTS tl_evidence_relation ON tl_evidence (version, relation, ord);
CREATE INDEX IF NOT EXISTS tl_evidence_quote ON tl_evidence (version, quote);
CREATE INDEX IF NOT EXISTS tl_type_counts_entity ON tl_type_counts (version, entity, type);
CREATE INDEX IF NOT EXISTS tl_speakers_quotes ON tl_speakers (version, quotes DESC, entity);
`;

/** Whether this database refuses writes: a hot-standby replica, or a session set read-only. */
export async function isReadOnly(db: Db): Promise<boolean> {
  const [row] = await db.query<{ ro: boolean }>(
    "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS ro",
  );
  return row?.ro === true;
}

/**
 * Creates what is missing; safe to run on every start. A read-only database (a replica) refuses even
 * `CREATE … IF NOT EXISTS`, so there the schema must already be there, made by an import on the primary.
 */
export async function ensureSchema(db: Db, say: (line: string) => void = () => {}): Promise<void> {
  if (await isReadOnly(db)) {
    const [row] = await db.query<{ present: boolean }>(
      "SELECT to_regclass('tl_versions') IS NOT NULL AND to_regclass('tl_datasets') IS NOT NULL AS present",
    );
    if (row?.present !== true)
      throw new Error(
        'the database is read-only (a replica?) and has no Threadline tables yet: import a dataset on the primary first',
      );
    if (await textsHeldWhole(db))
      throw new Error(
        'the database is read-only (a replica?) and was imported before source texts were stored in parts: start `npm run serve` once on the primary, which moves them',
      );
    if (!(await quoteWordsFolded(db)) || (await versionsWithNamesUnfolded(db)).length > 0)
      throw new Error(
        'the database is read-only (a replica?) and its search does not fold accents yet: start `npm run serve` once on the primary, which folds them',
      );
    return;
  }
  // One statement per call: pg's extended protocol (which parameters need) takes one at a time.
  for (const extension of ['pg_trgm', 'unaccent'])
    await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`).catch(lostRace);
  await ensureTextConfigs(db);
  for (const statement of DDL.split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean))
    await db.query(statement);
  if (await textsHeldWhole(db)) await moveTextsIntoParts(db);
  await dropNameTrigrams(db);
  if (!(await quoteWordsFolded(db))) {
    say('Folding accents into the quotes’ full-text index (once)…');
    await foldQuoteWords(db);
  }
}

/** Two servers starting at once both create what is missing; the one that loses finds it there. */
function lostRace(e: unknown): void {
  if (!['23505', '42710'].includes((e as { code?: string }).code ?? '')) throw e;
}

async function ensureTextConfigs(db: Db): Promise<void> {
  for (const [copied, name] of Object.entries(TEXT_CONFIGS)) {
    const [found] = await db.query<{ present: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = $1 AND cfgnamespace = current_schema()::regnamespace) AS present`,
      [name],
    );
    if (found?.present) continue;
    await db
      .transaction(async (tx) => {
        await tx.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copied})`);
        // english maps numbers to simple, words to english_stem; simple maps every token to simple.
        await tx.query(
          `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR word, hword, hword_part WITH unaccent, ${copied === 'english' ? 'english_stem' : 'simple'}`,
        );
        await tx.query(
          `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple`,
        );
      })
      .catch(lostRace);
  }
}

/**
 * The ready versions whose names the typeahead matches were not folded at import (fold-names.ts folds them):
 * every version of a database made before the column.
 */
export async function versionsWithNamesUnfolded(db: Db): Promise<number[]> {
  const [column] = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('tl_versions') AND attname = 'names_folded' AND NOT attisdropped) AS present`,
  );
  const rows = await db.query<{ version: number }>(
    `SELECT version FROM tl_versions WHERE state = 'ready' ${column?.present ? 'AND names_folded IS NOT TRUE' : ''} ORDER BY version`,
  );
  return rows.map((r) => r.version);
}

/** Whether the quotes' full-text index is over the folded configuration (not yet in databases made before it). */
async function quoteWordsFolded(db: Db): Promise<boolean> {
  const [row] = await db.query<{ folded: boolean }>(
    `SELECT coalesce(pg_get_indexdef(to_regclass('tl_quotes_words')) LIKE '%tl_english%', true) AS folded`,
  );
  return row?.folded !== false;
}

/**
 * Rebuilds the quotes' full-text index of a database made before accents were folded, over every version
 * at once, in one transaction: readers wait for it, and an interrupted rebuild leaves the index as it was.
 * At 5M relations it reads 5.4M quotes: 76 s (docs/server.md).
 */
async function foldQuoteWords(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL statement_timeout = 0');
    if (tx.kind === 'pg') await tx.query(INDEX_BUILD_MEMORY);
    await tx.query('DROP INDEX tl_quotes_words');
    await tx.query(
      `CREATE INDEX tl_quotes_words ON tl_quotes USING gin (to_tsvector('${TEXT_CONFIGS.english}', exact))`,
    );
    // The planner weighs a full-text match by the statistics of the index's expression, which a new index
    // lacks until analysed: without them the 5M dataset's passage search ran p50 22 / p95 255 ms, not 11 / 64.
    await tx.query('ANALYZE tl_quotes');
  });
}

/**
 * Databases made before imports stopped building it have a trigram index over every name, which only a
 * version imported before the typeahead's word tables still reads (its typo pass, queries.ts): every other
 * import built it for nothing, 3.3 s of a core at a million names. Such versions keep one of their own; the rest lose it, in
 * one transaction.
 */
async function dropNameTrigrams(db: Db): Promise<void> {
  const [found] = await db.query<{ present: boolean }>(
    "SELECT to_regclass('tl_entities_search') IS NOT NULL AS present",
  );
  if (found?.present !== true) return;
  await db.transaction(async (tx) => {
    const older = await tx.query<{ version: number }>(
      `SELECT version FROM tl_versions
        WHERE to_regclass('tl_entities_v' || version) IS NOT NULL AND to_regclass('tl_words_v' || version) IS NULL`,
    );
    for (const { version } of older)
      await tx.query(
        `CREATE INDEX IF NOT EXISTS tl_entities_names_trgm_v${Math.trunc(version)} ON ${partitionOf('tl_entities', version)} USING gin (search gin_trgm_ops)`,
      );
    await tx.query('DROP INDEX IF EXISTS tl_entities_search');
  });
}

export const partitionOf = (table: VersionedTable, version: number): string =>
  `${table}_v${Math.trunc(version)}`;

/**
 * A version's quotes are one partition split by row into this many tables, each with its own indexes: the
 * English full-text index is the import's longest build, PostgreSQL 15 builds a GIN index on one process,
 * and parts are built at once on as many connections (docs/performance.md). Queries name `tl_quotes` (or
 * the version's partition) and read every part, or the one a row number picks.
 */
export const QUOTE_PARTS = 2;

/** Part `part` of a version's quotes: a standalone table until the switch attaches it. */
export const quotePartOf = (version: number, part: number): string =>
  `${partitionOf('tl_quotes', version)}_p${Math.trunc(part)}`;

/**
 * The rows of part `part` of `rows` quotes, [from, to): equal shares, in row order, so a part is read in
 * the order the whole was and a row number names its part.
 */
export function quotePartRows(rows: number, part: number): { from: number; to: number } {
  const cut = (i: number) => Math.floor((i * rows) / QUOTE_PARTS);
  return { from: cut(part), to: cut(part + 1) };
}

/** Every table a version may have: its partitions, and its quotes' parts, which a killed import leaves unattached. */
export const versionTables = (version: number): string[] => [
  ...VERSIONED_TABLES.map((table) => partitionOf(table, version)),
  ...Array.from({ length: QUOTE_PARTS }, (_, part) => quotePartOf(version, part)),
];

/**
 * The CREATE INDEX statements that give a version's standalone table every index its partitioned table
 * declares, read from the catalogue so they match exactly: ATTACH PARTITION then adopts them instead of
 * building them itself, and they can be built before it, in parallel, outside the switching transaction.
 */
export async function partitionIndexes(
  db: Db,
  table: VersionedTable,
  version: number,
  /** A part of the version's quotes, for that part's own indexes. */
  part?: number,
): Promise<string[]> {
  const on = part === undefined ? partitionOf(table, version) : quotePartOf(version, part);
  const suffix = `_v${Math.trunc(version)}${part === undefined ? '' : `_p${Math.trunc(part)}`}`;
  const rows = await db.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return rows.map(({ name, def }) => {
    const head = /^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ /.exec(def);
    if (!head) throw new Error(`unexpected index definition on ${table}: ${def}`);
    return `CREATE ${head[1] ?? ''}INDEX ${name}${suffix} ON ${on} ${def.slice(head[0].length)}`;
  });
}
