/**
 * The explorer's read queries, each one parameterised statement (or a few) against one dataset version.
 * Every list is capped by its caller; nothing here reads a whole table per request.
 */
import { STATUS_EXPLANATIONS, STATUSES } from '../model/core/vocabulary';
import type { RelationType, SourceRecord } from '../model/format/schema';
import type { Db } from './db';
import { readStretches } from './source-parts';
import { partitionOf, TEXT_CONFIGS } from './schema';
import { foldAccents } from '../model/search/search-text';
import type { PassageQuery } from './passage-words';
import { nameWords, type Facets, type TimelineOverview } from './import-rows';
import {
  ENTITY_COLUMNS,
  entityOut,
  relationOut,
  relationSelect,
  statusName,
  type EntityOut,
  type EntityRow,
  type RelationOut,
  type RelationRow,
} from './records';

/** The quotes' text search configurations (schema.ts): accents folded. */
const { english: ENGLISH, simple: SIMPLE } = TEXT_CONFIGS;

/** A row of tl_relation_types, as its columns name it. */
export interface RelationTypeRow {
  id: string;
  label: string;
  inverse_label: string;
  directed: boolean;
  domain: string[];
  range: string[];
}

/** The columns every relation-type query selects, in RelationTypeRow's names. */
export const RELATION_TYPE_COLUMNS = 'id, label, inverse_label, directed, domain, range';

export const relationTypeOf = (t: RelationTypeRow): RelationType => ({
  id: t.id,
  label: t.label,
  inverseLabel: t.inverse_label,
  directed: t.directed,
  domain: t.domain,
  range: t.range,
});

export interface DatasetInfo {
  id: string;
  title: string;
  description?: string;
  version: number;
  previousVersion: number | null;
  publishedAt: string;
  counts: { entities: number; relations: number; quotes: number; sources: number };
}

interface DatasetRow {
  id: string;
  title: string;
  description: string | null;
  version: number;
  previous_version: number | null;
  published_at: Date | string;
  counts: DatasetInfo['counts'];
}

const DATASET_SELECT = `SELECT d.id, v.title, v.description, v.version, d.previous_version, v.published_at, v.counts
  FROM tl_datasets d JOIN tl_versions v ON v.version = d.current_version`;

const datasetOut = (r: DatasetRow): DatasetInfo => ({
  id: r.id,
  title: r.title,
  ...(r.description ? { description: r.description } : {}),
  version: r.version,
  previousVersion: r.previous_version,
  publishedAt: new Date(r.published_at).toISOString(),
  counts: r.counts,
});

export async function listDatasets(db: Db): Promise<DatasetInfo[]> {
  return (await db.query<DatasetRow>(`${DATASET_SELECT} ORDER BY d.id`)).map(datasetOut);
}

/** The version to read: the dataset's current one, or its previous one when asked for by number. */
export async function resolveVersion(db: Db, dataset: string, version?: number): Promise<number | null> {
  const [row] = await db.query<{ current_version: number; previous_version: number | null }>(
    `SELECT current_version, previous_version FROM tl_datasets WHERE id = $1`,
    [dataset],
  );
  if (!row) return null;
  if (version === undefined || version === row.current_version) return row.current_version;
  return version === row.previous_version ? version : null;
}

export async function datasetDetails(db: Db, version: number) {
  const [v] = await db.query<{
    dataset_id: string;
    title: string;
    description: string | null;
    published_at: string;
    counts: DatasetInfo['counts'];
    facets: Facets;
    entity_types: unknown[] | null;
  }>(
    `SELECT dataset_id, title, description, published_at, counts, facets, entity_types FROM tl_versions WHERE version = $1`,
    [version],
  );
  const relationTypes = await db.query<RelationTypeRow>(
    `SELECT ${RELATION_TYPE_COLUMNS} FROM tl_relation_types WHERE version = $1 ORDER BY row`,
    [version],
  );
  const sources = await db.query<{ meta: Omit<SourceRecord, never>; length: number }>(
    `SELECT meta, chars AS length FROM tl_sources WHERE version = $1 ORDER BY row`,
    [version],
  );
  return {
    id: v!.dataset_id,
    title: v!.title,
    ...(v!.description ? { description: v!.description } : {}),
    version,
    publishedAt: new Date(v!.published_at).toISOString(),
    counts: v!.counts,
    relationTypes: relationTypes.map(relationTypeOf),
    sources: sources.map((s) => ({ ...s.meta, characters: s.length })),
    entityTypes: v!.entity_types ?? [],
    statuses: STATUSES.map((id) => ({
      id,
      explanation: STATUS_EXPLANATIONS[id],
      relations: v!.facets.statuses[id] ?? 0,
    })),
  };
}

export async function facets(db: Db, version: number): Promise<Facets> {
  const [v] = await db.query<{ facets: Facets }>(`SELECT facets FROM tl_versions WHERE version = $1`, [
    version,
  ]);
  return v!.facets;
}

export async function timeline(db: Db, version: number): Promise<TimelineOverview> {
  const [v] = await db.query<{ timeline: TimelineOverview }>(
    `SELECT timeline FROM tl_versions WHERE version = $1`,
    [version],
  );
  return v!.timeline;
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/**
 * A regular expression for a word of `search` that starts with `word` (one of nameWords(): letters and digits
 * only, so nothing in it is special to a pattern): at the start, or after what is not a letter or a digit.
 */
const wordStart = (word: string) => `(^|[^[:alnum:]])${word}`;
/** A typed word of digits only: a year, a number, which the typo passes leave alone. */
const NUMBER = /^\p{N}+$/u;

/** At most this many typed words are matched in the word table (the longest ones): a bound on the join. */
const MAX_WORDS = 4;
/** Each typo pass looks at no more than this many near words: a short typo is near many. */
const NEAR_WORDS = 50;
/**
 * Entities read for their names, the best first, as the in-browser search caps the postings it reads (the
 * cap drops only the weakest): to check the typed words too short for the word table ("p" in "theo p g"),
 * WORD_SCAN, which only a very common longer word ever reaches; to rank a typo pass by the whole text,
 * CHECKED_SCAN.
 */
const WORD_SCAN = 1000;
const CHECKED_SCAN = 200;

/**
 * Whether a version has the word tables, per database: asked of the catalog once, not on every keystroke.
 * Version numbers are never reused, so an import needs nothing forgotten; whatever drops a version's word
 * tables and goes on searching it calls forgetWordTables.
 */
const wordTablesKnown = new WeakMap<Db, Map<number, boolean>>();

export async function hasWordTables(db: Db, version: number): Promise<boolean> {
  let known = wordTablesKnown.get(db);
  if (!known) wordTablesKnown.set(db, (known = new Map()));
  const cached = known.get(version);
  if (cached !== undefined) return cached;
  const [row] = await db.query<{ present: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL AS present`,
    [partitionOf('tl_words', version), partitionOf('tl_name_words', version)],
  );
  const present = row?.present === true;
  known.set(version, present);
  return present;
}

/** Forgets what hasWordTables learnt of a version (or of every version of `db`): its tables changed. */
export function forgetWordTables(db: Db, version?: number): void {
  if (version === undefined) wordTablesKnown.delete(db);
  else wordTablesKnown.get(db)?.delete(version);
}

type Hit = EntityRow & { row: number; score: number };

/**
 * Typeahead, in passes that each count only when those before it did not fill the page:
 * 0. for one typed word, the names and aliases that are exactly it;
 * 1. names that start with the text, best connected first (one range of the prefix index, degree read from
 *    the index alone);
 * 2. every typed word the start of a word of the name or an alias ("putin", "the kremlin leader", "vlad
 *    put"), best connected first: per word one range of the word table, which carries the degree, the
 *    ranges intersected;
 * 3. typos, from three characters: trigram similarity over the distinct words of the names (a vocabulary
 *    far smaller than the names) for one word, over the names themselves for several, above pg_trgm's
 *    threshold, most similar first, then the better connected.
 * Matching whole names by trigram for every search had made a short typo score thousands of names at a
 * million of them: the long tail of search.
 *
 * The passes are one statement, sent once: under load each round trip costs as much as a pass, and a search
 * that reached the typos had made five. The passes are the branches of a UNION ALL under the page's LIMIT,
 * which PostgreSQL reads in order and stops reading once the page is full, so a later pass whose page an
 * earlier one filled never runs. Each pass leaves out what the passes before it listed; as those listed
 * fewer than a page, its own top two pages always hold a page of others.
 */
export async function searchEntities(
  db: Db,
  version: number,
  text: string,
  limit: number,
): Promise<Array<EntityOut & { score: number }>> {
  // Folded as the names were at import (import-rows.ts): "eric" and "Éric" both find "Éric".
  const q = foldAccents(text.trim()).toLowerCase();
  if (q.length === 0 || limit <= 0) return [];
  const words = nameWords(q)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_WORDS);
  // A version imported before the word tables existed has none: its typos go to the names' trigrams.
  const wordTable = words.length > 0 && (await hasWordTables(db, version));
  const params: unknown[] = [version, limit, 2 * limit];
  /** A parameter's placeholder: $1 is the version, $2 the page, $3 twice the page. */
  const param = (value: unknown) => `$${params.push(value)}`;
  const passes: string[] = [];
  /**
   * A pass's candidates (row, degree, score) less what earlier passes listed, sorted again: the anti-join
   * may reorder them, and the page's LIMIT takes each pass's rows in the order they come.
   */
  const pass = (candidates: string) => {
    const earlier = passes.map((_, i) => `NOT EXISTS (SELECT 1 FROM p${i} WHERE p${i}.row = c.row)`);
    passes.push(
      `SELECT c.row, c.degree, c.score FROM (${candidates}) c${earlier.length ? ` WHERE ${earlier.join(' AND ')}` : ''}
       ORDER BY c.score DESC, c.degree DESC, c.row LIMIT $2`,
    );
  };
  // A name or an alias that is exactly the one typed word ("manafort": Paul Manafort, alias Manafort)
  // before the names that merely start with it.
  if (wordTable && words.length === 1 && words[0] === q)
    pass(`SELECT entity AS row, degree, 1::real AS score FROM tl_name_words
          WHERE version = $1 AND word = ${param(q)} AND whole ORDER BY degree DESC, entity LIMIT $2`);
  // The page is chosen from the prefix's range of the index alone; only its rows are then read. Ordered by
  // -degree so that the degree index cannot serve: walking every entity by degree until enough names start
  // with the text, the planner's choice when it guessed the prefix common, read 100,000 entities for a rare
  // one at 5M ("irondal": 420 ms), where the range, however common the prefix ("the": 33,000), takes 5 ms.
  pass(`SELECT row, degree, 1::real AS score FROM tl_entities WHERE version = $1 AND search LIKE ${param(`${likeEscaped(q)}%`)}
        ORDER BY -degree, row LIMIT $3`);
  // A word of one or two letters is the start of a great many words ("theo p g"), and so are common ones
  // ("group": 50,000 entities at 5M): only the two longest words' ranges of the word table are intersected,
  // and the few entities they leave are checked for the other words in their names.
  const long = words.filter((w) => w.length >= 3);
  const driving = long.length > 0 ? long.slice(0, 2) : words;
  const checked = words.filter((w) => !driving.includes(w));
  /**
   * The best `cap` of `rows` (entity, …) by `order`, with the entity's degree as d and its search text;
   * `strict`: only those whose names have a word starting with each checked word. Each entity is looked up
   * by its row (LATERAL, OFFSET 0: never a scan of every entity, which the planner had chosen for a few
   * thousand rows).
   */
  const named = (rows: string, order: string, strict: boolean, cap: number) =>
    `SELECT c.*, e.d, e.search FROM (SELECT * FROM (${rows}) r ORDER BY ${order} LIMIT ${cap}) c
     CROSS JOIN LATERAL (SELECT degree AS d, search FROM tl_entities WHERE version = $1 AND row = c.entity OFFSET 0) e
     ${strict && checked.length > 0 ? `WHERE ${checked.map((w) => `e.search ~ ${param(wordStart(w))}`).join(' AND ')}` : ''}`;
  if (wordTable) {
    // Each range is read from the index alone.
    const ranges = driving
      .map(
        (w) =>
          `SELECT entity, degree FROM tl_name_words WHERE version = $1 AND word LIKE ${param(`${likeEscaped(w)}%`)}`,
      )
      .join(' INTERSECT ');
    pass(
      `SELECT entity AS row, degree, 1::real AS score FROM (${checked.length > 0 ? named(ranges, 'degree DESC, entity', true, WORD_SCAN) : ranges}) w
       ORDER BY degree DESC, entity LIMIT $3`,
    );
  }
  if (q.length >= 3 && words.length > 0 && !words.every((w) => NUMBER.test(w))) {
    /** Words of the names near a typed word, by the vocabulary's trigram index, with their similarity. */
    const near = (typed: string) =>
      `SELECT word, word_similarity(${typed}, word) AS score FROM tl_words
       WHERE version = $1 AND ${typed} <% word
         -- A typo is a letter or two off, as the in-browser search allows: trigrams alone call
         -- "government" near "golf" (they share its first letters), the length rules it out.
         AND abs(length(word) - length(${typed})) <= CASE WHEN length(${typed}) >= 7 THEN 2 ELSE 1 END
       ORDER BY score DESC, word LIMIT ${NEAR_WORDS}`;
    const lettered = long.filter((w) => !NUMBER.test(w));
    if (wordTable && lettered.length <= 1) {
      // One word (or one of three letters or more, the others short or numbers): its near words.
      const typed = param(lettered[0] ?? words.find((w) => !NUMBER.test(w)));
      // The near words first, then their entities by the word table; with short words typed too, the best of
      // those ranked again by the whole text's trigrams, which favour the names that have them.
      const best = `SELECT DISTINCT ON (nw.entity) nw.entity, nw.degree, near.score FROM (${near(typed)}) near
                    JOIN tl_name_words nw ON nw.version = $1 AND nw.word = near.word
                    ORDER BY nw.entity, near.score DESC`;
      const each = `SELECT nw.entity, nw.degree, near.score FROM (${near(typed)}) near
                    JOIN tl_name_words nw ON nw.version = $1 AND nw.word = near.word`;
      pass(
        checked.length > 0
          ? `SELECT row, degree, score FROM (
               SELECT DISTINCT ON (entity) entity AS row, d AS degree, word_similarity(${param(q)}, search) AS score
               FROM (${named(each, 'score DESC, degree DESC, entity', false, CHECKED_SCAN)}) b ORDER BY entity
             ) u ORDER BY score DESC, degree DESC, row LIMIT $3`
          : `SELECT entity AS row, degree, score FROM (${best}) b ORDER BY score DESC, degree DESC, entity LIMIT $3`,
      );
    } else if (wordTable) {
      // Several words: the entities of the longest (its range and its near words), the best connected of
      // them ranked by the whole text's trigrams, which favour the names that have the other words too.
      // Intersecting every word's entities instead read a common word's tens of thousands ("the": 139 ms
      // at 5M), and trigrams over every name scored thousands of them per search.
      const driver = lettered[0]!;
      const start = param(`${likeEscaped(driver)}%`);
      // UNION ALL, the near words that start with the driver left to its range: no hashing of every row;
      // an entity found twice among the few kept is listed once.
      const found = `SELECT entity, degree FROM tl_name_words WHERE version = $1 AND word LIKE ${start}
                     UNION ALL SELECT nw.entity, nw.degree FROM (${near(param(driver))}) near
                     JOIN tl_name_words nw ON nw.version = $1 AND nw.word = near.word
                     WHERE near.word NOT LIKE ${start}`;
      pass(`SELECT row, degree, score FROM (
              SELECT DISTINCT ON (entity) entity AS row, d AS degree, word_similarity(${param(q)}, search) AS score
              FROM (${named(found, 'degree DESC, entity', false, CHECKED_SCAN)}) t ORDER BY entity
            ) u ORDER BY score DESC, degree DESC, row LIMIT $3`);
    } else if (!wordTable) {
      // A version imported before the word tables: trigrams over the names themselves.
      const typed = param(words.length === 1 ? words[0] : q);
      pass(`SELECT row, degree, word_similarity(${typed}, search) AS score FROM tl_entities
            WHERE version = $1 AND ${typed} <% search ORDER BY score DESC, degree DESC, row LIMIT $3`);
    }
  }
  const ctes = passes.map((p, i) => `p${i} AS (${p})`).join(',\n');
  const page = passes.map((_, i) => `SELECT ${i} AS pass, row, score FROM p${i}`).join(' UNION ALL ');
  const hits = await db.query<Hit>(
    `WITH ${ctes}
     SELECT e.row, ${ENTITY_COLUMNS}, top.score FROM (${page} LIMIT $2) top
     JOIN tl_entities e ON e.version = $1 AND e.row = top.row
     ORDER BY top.pass, top.score DESC, e.degree DESC, e.row`,
    params,
  );
  return hits.map((r) => ({ ...entityOut(r), score: Number(r.score) }));
}

export interface QuoteHit {
  id: string;
  exact: string;
  sourceId: string;
  start: number;
  end: number;
  relations: string[];
}

/** Full text over quotes (English stemming; the query in web-search syntax, which never fails to parse). */
export async function searchQuotes(
  db: Db,
  version: number,
  text: string,
  limit: number,
): Promise<QuoteHit[]> {
  if (text.trim().length === 0) return [];
  const rows = await db.query<{
    id: string;
    exact: string;
    source_id: string;
    span_start: number;
    span_end: number;
    relations: string[];
  }>(
    `SELECT q.id, q.exact, s.id AS source_id, q.span_start, q.span_end,
       ARRAY(SELECT r.id FROM tl_evidence ev JOIN tl_relations r ON r.version = ev.version AND r.row = ev.relation
             WHERE ev.version = q.version AND ev.quote = q.row ORDER BY r.row LIMIT 20) AS relations
     FROM tl_quotes q JOIN tl_sources s ON s.version = q.version AND s.row = q.source,
          websearch_to_tsquery('${ENGLISH}', $2) AS query
     WHERE q.version = $1 AND to_tsvector('${ENGLISH}', q.exact) @@ query
     ORDER BY ts_rank(to_tsvector('${ENGLISH}', q.exact), query) DESC, q.row LIMIT $3`,
    [version, text, limit],
  );
  return rows.map((r) => quoteHit(r, r.relations));
}

/** A found quote's row as the API words it, with the relations citing it. */
function quoteHit(
  r: { id: string; exact: string; source_id: string; span_start: number; span_end: number },
  relations: string[],
): QuoteHit {
  return { id: r.id, exact: r.exact, sourceId: r.source_id, start: r.span_start, end: r.span_end, relations };
}

/**
 * How many quotes a pass of the passage search ranks (and, for word starts, checks) at most: the first
 * found, in the table's order. A word said in a hundred thousand quotes is not ranked over all of them; a
 * name, said in fewer, is.
 */
export const PASSAGE_RANKED = 200;

type QuoteHitRow = {
  row: number;
  id: string;
  exact: string;
  source_id: string;
  span_start: number;
  span_end: number;
};

/** What a passage query's found rows (a CTE named found) bring along, in the order of `orderBy`. */
const passageHits = (orderBy: string) => `
  SELECT f.row, f.id, f.exact, s.id AS source_id, f.span_start, f.span_end
    FROM found f JOIN tl_sources s ON s.version = $1 AND s.row = f.source
   ORDER BY ${orderBy}`;

/**
 * The relations citing each quote (rows), at most 20 each, in dataset order. Asked for the page's few
 * quotes at once: asked per quote with ORDER BY and LIMIT, the planner walked all 5M evidence rows in
 * relation order at 5M, taking each quote for one of a few hundred (1.2 s a quote).
 */
async function citing(db: Db, version: number, rows: readonly QuoteHitRow[]): Promise<QuoteHit[]> {
  const cited = await db.query<{ quote: number; relations: string[] }>(
    `SELECT ev.quote, array_agg(r.id ORDER BY r.row) AS relations
       FROM tl_evidence ev JOIN tl_relations r ON r.version = ev.version AND r.row = ev.relation
      WHERE ev.version = $1 AND ev.quote = ANY($2::int[])
      GROUP BY ev.quote`,
    [version, rows.map((r) => r.row)],
  );
  const by = new Map(cited.map((c) => [c.quote, c.relations.slice(0, 20)]));
  return rows.map((r) => quoteHit(r, by.get(r.row) ?? []));
}

/**
 * "Said in the sources": quotes holding every typed word, as the local search box matches them. First the
 * quotes with every word whole, stemmed ("funded" finds "funding"), ranked by ts_rank; then, to fill the
 * page, those where every word starts a word of the quote ("deerh" finds "Deerhurst"), shorter first.
 * Each pass ranks at most PASSAGE_RANKED quotes (see above), so it can stop early, and how it reads them
 * is the planner's to choose, on the version's own table (its partition: planned on the parent, the
 * planner ignores that it may stop early). A word said in a third of the quotes is found by reading the
 * table from its start, a few hundred rows; a rarer one by the English full-text index. The check of every
 * word's start stands outside that read, over the PASSAGE_RANKED quotes it gives: inside, the planner
 * takes it for far rarer than it is (and read a million postings of a common start, "sai": 0.6 s at 5M,
 * where reading the table finds 200 in 1,500 rows), and a check that passes nothing would read every quote.
 */
export function searchPassageQuotes(
  db: Db,
  version: number,
  query: PassageQuery,
  limit: number,
): Promise<QuoteHit[]> {
  const quotes = partitionOf('tl_quotes', version);
  // Starting parallel workers costs more than these few hundred rows (as explorer-delta.ts found).
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const whole = await tx.query<QuoteHitRow>(
      `WITH found AS MATERIALIZED (
         SELECT q.row, q.id, q.exact, q.source, q.span_start, q.span_end
           FROM ${quotes} q, plainto_tsquery('${ENGLISH}', $2) AS query
          WHERE to_tsvector('${ENGLISH}', q.exact) @@ query
          LIMIT $4)
       ${passageHits(`ts_rank(to_tsvector('${ENGLISH}', f.exact), plainto_tsquery('${ENGLISH}', $2)) DESC, f.row`)}
       LIMIT $3`,
      [version, query.whole, limit, PASSAGE_RANKED],
    );
    if (whole.length >= limit || query.lookup === null) return citing(tx, version, whole);
    // The first PASSAGE_RANKED quotes the index gives are checked for every word's start: a stem a word
    // runs past may be common ("report" of "reportedl") and the start rare or absent.
    const started = await tx.query<QuoteHitRow>(
      `WITH found AS MATERIALIZED (
         SELECT c.* FROM (
           SELECT q.row, q.id, q.exact, q.source, q.span_start, q.span_end
             FROM ${quotes} q, to_tsquery('${SIMPLE}', $2) AS lookup
            WHERE to_tsvector('${ENGLISH}', q.exact) @@ lookup
            LIMIT $5) c, to_tsquery('${SIMPLE}', $3) AS starts
          WHERE to_tsvector('${SIMPLE}', c.exact) @@ starts AND c.row <> ALL($4::int[]))
       ${passageHits('length(f.exact), f.row')}
       LIMIT $6`,
      [version, query.lookup, query.starts, whole.map((h) => h.row), PASSAGE_RANKED, limit - whole.length],
    );
    return citing(tx, version, [...whole, ...started]);
  });
}

export interface TypeCount {
  type: string;
  n: number;
}

async function entityRows(db: Db, version: number, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; row: number }>(
    `SELECT id, row FROM tl_entities WHERE version = $1 AND id = ANY($2::text[])`,
    [version, ids],
  );
  return new Map(rows.map((r) => [r.id, r.row]));
}

export async function entity(
  db: Db,
  version: number,
  id: string,
): Promise<{ entity: EntityOut; relationCounts: TypeCount[] } | null> {
  const [row] = await db.query<EntityRow & { row: number }>(
    `SELECT e.row, ${ENTITY_COLUMNS} FROM tl_entities e WHERE e.version = $1 AND e.id = $2`,
    [version, id],
  );
  if (!row) return null;
  return { entity: entityOut(row), relationCounts: await typeCounts(db, version, row.row) };
}

const typeCounts = (db: Db, version: number, row: number) =>
  db.query<TypeCount>(
    `SELECT type, n FROM tl_type_counts WHERE version = $1 AND entity = $2 ORDER BY n DESC, type`,
    [version, row],
  );

export interface NeighbourPage {
  /** Relations per type: the hub guard's numbers, before any page is read. */
  counts: TypeCount[];
  total: number;
  relations: RelationOut[];
  /** The other ends of those relations. */
  entities: EntityOut[];
  /** Pass as `after` for the next page; null on the last. */
  next: number | null;
}

/** One page of an entity's relations (of one type, or all), in dataset order, with the entities they reach. */
export async function neighbours(
  db: Db,
  version: number,
  id: string,
  options: { type?: string; limit: number; after: number },
): Promise<NeighbourPage | null> {
  const [me] = await db.query<{ row: number }>(`SELECT row FROM tl_entities WHERE version = $1 AND id = $2`, [
    version,
    id,
  ]);
  if (!me) return null;
  const counts = await typeCounts(db, version, me.row);
  const typed = options.type !== undefined;
  const cond = typed ? 'AND type = $5' : '';
  const params: unknown[] = [
    version,
    me.row,
    options.after,
    options.limit + 1,
    ...(typed ? [options.type] : []),
  ];
  // Two index range scans (as source, as target), each stopping at a page: cheap however big the hub.
  const rows = await db.query<RelationRow>(
    `${relationSelect(`(
       (SELECT * FROM tl_relations WHERE version = $1 AND source = $2 ${cond} AND row > $3 ORDER BY row LIMIT $4)
       UNION
       (SELECT * FROM tl_relations WHERE version = $1 AND target = $2 ${cond} AND row > $3 ORDER BY row LIMIT $4)
     ) r`)} ORDER BY r.row LIMIT $4`,
    params,
  );
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  const others = [...new Set(page.map((r) => (r.source === id ? r.target : r.source)))];
  const entities = await db.query<EntityRow>(
    `SELECT ${ENTITY_COLUMNS} FROM tl_entities e WHERE e.version = $1 AND e.id = ANY($2::text[]) ORDER BY e.degree DESC, e.row`,
    [version, others],
  );
  return {
    counts,
    total: typed
      ? (counts.find((c) => c.type === options.type)?.n ?? 0)
      : counts.reduce((n, c) => n + c.n, 0),
    relations: page.map(relationOut),
    entities: entities.map(entityOut),
    next: more ? page[page.length - 1]!.row : null,
  };
}

/** Every relation joining two entities, either way round. */
export async function between(db: Db, version: number, a: string, b: string): Promise<RelationOut[] | null> {
  const rows = await entityRows(db, version, [a, b]);
  if (!rows.has(a) || !rows.has(b)) return null;
  const found = await db.query<RelationRow>(
    `${relationSelect('tl_relations r')}
     WHERE r.version = $1 AND ((r.source = $2 AND r.target = $3) OR (r.source = $3 AND r.target = $2))
     ORDER BY r.status, r.row`,
    [version, rows.get(a), rows.get(b)],
  );
  return found.map(relationOut);
}

/** The relations among a set of entities: what the view draws between the entities it shows. */
export async function among(db: Db, version: number, ids: readonly string[]): Promise<RelationOut[]> {
  const rows = [...(await entityRows(db, version, ids)).values()];
  const found = await db.query<RelationRow>(
    `${relationSelect('tl_relations r')}
     WHERE r.version = $1 AND r.source = ANY($2::int[]) AND r.target = ANY($2::int[]) ORDER BY r.row`,
    [version, rows],
  );
  return found.map(relationOut);
}

export interface EvidenceItem {
  quote: {
    id: string;
    exact: string;
    prefix?: string;
    suffix?: string;
    start: number;
    end: number;
    sourceId: string;
    speakers: Array<{ id: string; name: string }>;
    occasion?: { id: string; name: string };
  };
  source: { id: string; title: string };
  /** The claim's own status (issue #18), else the relation's. */
  status: string;
  assertedBy?: string[];
  answers?: string;
}

/** A relation with everything behind it: each quote, where it sits in which source, who said it, how firmly. */
export async function relationWithEvidence(
  db: Db,
  version: number,
  id: string,
): Promise<{ relation: RelationOut; evidence: EvidenceItem[] } | null> {
  const [row] = await db.query<RelationRow>(
    `${relationSelect('tl_relations r')} WHERE r.version = $1 AND r.id = $2`,
    [version, id],
  );
  if (!row) return null;
  const items = await db.query<{
    status: number | null;
    asserted_by: string[] | null;
    answers: string | null;
    id: string;
    exact: string;
    prefix: string | null;
    suffix: string | null;
    span_start: number;
    span_end: number;
    source_id: string;
    source_title: string;
    speakers: Array<{ id: string; name: string }> | null;
    occasion: { id: string; name: string } | null;
  }>(
    `SELECT ev.status, ev.asserted_by, ev.answers, q.id, q.exact, q.prefix, q.suffix, q.span_start, q.span_end,
       s.id AS source_id, s.meta->>'title' AS source_title,
       (SELECT json_agg(json_build_object('id', e.id, 'name', e.name) ORDER BY sp.i)
          FROM unnest(q.speakers) WITH ORDINALITY AS sp(row, i) JOIN tl_entities e ON e.version = q.version AND e.row = sp.row) AS speakers,
       (SELECT json_build_object('id', e.id, 'name', e.name) FROM tl_entities e WHERE e.version = q.version AND e.row = q.occasion) AS occasion
     FROM tl_evidence ev
     JOIN tl_quotes q ON q.version = ev.version AND q.row = ev.quote
     JOIN tl_sources s ON s.version = q.version AND s.row = q.source
     WHERE ev.version = $1 AND ev.relation = $2 ORDER BY ev.ord`,
    [version, row.row],
  );
  const relation = relationOut(row);
  return {
    relation,
    evidence: items.map((i) => ({
      quote: {
        id: i.id,
        exact: i.exact,
        ...(i.prefix !== null ? { prefix: i.prefix } : {}),
        ...(i.suffix !== null ? { suffix: i.suffix } : {}),
        start: i.span_start,
        end: i.span_end,
        sourceId: i.source_id,
        speakers: i.speakers ?? [],
        ...(i.occasion ? { occasion: i.occasion } : {}),
      },
      source: { id: i.source_id, title: i.source_title },
      status: i.status === null ? relation.status : statusName(i.status),
      ...(i.asserted_by ? { assertedBy: i.asserted_by } : {}),
      ...(i.answers !== null ? { answers: i.answers } : {}),
    })),
  };
}

export interface SourceRange {
  id: string;
  title: string;
  length: number;
  start: number;
  end: number;
  text: string;
}

/** Part of a source text; offsets in UTF-16 code units, as the quotes' are. */
export async function sourceRange(
  db: Db,
  version: number,
  id: string,
  start: number,
  end: number,
): Promise<SourceRange | null> {
  const [row] = await db.query<{ title: string; row: number; length: number }>(
    `SELECT meta->>'title' AS title, row, chars AS length FROM tl_sources WHERE version = $1 AND id = $2`,
    [version, id],
  );
  if (!row) return null;
  const { length } = row;
  const stop = Math.min(end, length);
  const from = Math.min(start, stop);
  const [text] = await readStretches(db, version, [{ source: row.row, from, to: stop }]);
  return { id, title: row.title, length, start: from, end: stop, text: text! };
}

export async function speakers(db: Db, version: number, limit: number, offset: number) {
  const rows = await db.query<{ id: string; name: string; type: string; quotes: number }>(
    `SELECT e.id, e.name, e.type, sp.quotes FROM tl_speakers sp JOIN tl_entities e ON e.version = sp.version AND e.row = sp.entity
     WHERE sp.version = $1 ORDER BY sp.quotes DESC, sp.entity LIMIT $2 OFFSET $3`,
    [version, limit, offset],
  );
  const [total] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tl_speakers WHERE version = $1`,
    [version],
  );
  return { total: total!.n, speakers: rows };
}
