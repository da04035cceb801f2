/**
 * The records that travel with a set of relations, read back from the database as a bundle holds them:
 * their quotes (with speakers and occasion by entity id), the entities those name, their sources and the
 * relation types used. Shared by the export sub-bundle and the explorer's step delta, which differ only in
 * which relations they pick and which sources the receiver already holds.
 *
 * The explorer's answers carry a long source as its windows: the text around each quote cited, with the
 * source's record and length (held-text.ts on the explorer's side); the reader and the exports fetch the
 * rest when they need it. A generated 5M dataset's sources are 370 KB each, and an opening of 300 relations
 * cited more than 64 MB of them; its windows are about 2 KB a quote.
 */
import type { BundleQuoteRecord, BundleSource } from '../model/format/bundle';
import { byteSize } from '../model/format/byte-size';
import type { ArrivingSource } from '../model/core/held-text';
import type {
  EntityRecord,
  PartialDate,
  RelationRecord,
  RelationType,
  SourceRecord,
} from '../model/format/schema';
import type { Db } from './db';
import { RELATION_TYPE_COLUMNS, relationTypeOf, type RelationTypeRow } from './queries';
import { readStretches, wholeTextSql } from './source-parts';
import type { RelationOut } from './records';

/**
 * The most source text one answer carries. A view whose evidence cites more is refused with a sentence
 * rather than sent: hundreds of megabytes overflow the server's JSON (V8's longest string) and would stall
 * the browser that asked.
 */
export const SOURCE_TEXT_MAX_BYTES = 64 * 1024 * 1024;

/** The sources a request's evidence cites hold more text than one answer carries. */
export class SourceTextTooLarge extends Error {}

/**
 * Characters of text sent either side of a quote. Enough for the evidence panel's sentence around a quote
 * in most prose and always for the interactive page's, which keeps to 400 either side; a sentence that runs
 * on past a window is shown cut, with an ellipsis, until the reader fetches the whole text.
 */
export const WINDOW_CHARS = 1000;
/**
 * Sources of at most this many characters come whole: about the windows of four quotes, so a short article
 * costs little more than its windows and its reader opens without a round trip.
 */
export const WHOLE_SOURCE_MAX_CHARS = 8192;

/**
 * Characters of source text around quotes that one explorer answer carries, by default: the windows of about
 * a hundred quotes. Sources past it come as their quotes alone (each quote's own stretch), and the text
 * around a quote is asked for (`…/contexts`) when it is shown. An expansion at 5M relations that brought
 * 2,569 relations citing 1,205 sources carried 6.9 MB of windows; most of them are never looked at.
 */
export const ANSWER_CONTEXT_CHARS = 200_000;

/** What one answer may carry of source text: the refusal's cap, and the windows' budget. */
export interface TextLimits {
  /** Past this, refused with a sentence (SourceTextTooLarge): SOURCE_TEXT_MAX_BYTES by default. */
  maxTextBytes?: number;
  /** The windows' budget: ANSWER_CONTEXT_CHARS by default. */
  contextChars?: number;
}

/**
 * What is had already: the entities the receiver has and the sources it holds whole, left out of the
 * answer; and `quotesRead`, not the receiver's but the caller's, the quotes the relations cite when it has
 * read them already (quoteRowsAt), so they are not read again.
 */
type HeldAlready = {
  entities?: Iterable<string>;
  sources?: ReadonlySet<string>;
  quotesRead?: readonly StoredQuote[];
};

export interface EvidenceRecords {
  relationTypes: RelationType[];
  /** Whole, unless asked for `windows`: then long sources come in part. */
  sources: ArrivingSource[];
  entities: EntityRecord[];
  quotes: BundleQuoteRecord[];
}

/** A quote as stored: its source, speakers and occasion by row. */
export interface StoredQuote {
  row: number;
  id: string;
  source: number;
  exact: string;
  prefix: string | null;
  suffix: string | null;
  span_start: number;
  span_end: number;
  speakers: number[];
  occasion: number | null;
}

/** A quote with its source, speakers and occasion named by id, as a bundle names them. */
interface QuoteRow extends Omit<StoredQuote, 'speakers' | 'occasion'> {
  source_id: string;
  speakers: string[];
  occasion: string | null;
}

/** A source's record as stored, without its text. */
interface SourceRow {
  row: number;
  id: string;
  meta: SourceRecord;
  /** Null in the schema only until a start moves an older database's texts into parts (schema.ts). */
  chars: number;
}

interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[] | null;
  description: string;
  role: string | null;
  date: EntityRecord['date'] | null;
}

/**
 * A quote's own columns. Its source's id and its speakers' were joined in here once; at 5M relations that
 * took 24 of this query's 28 ms for an expansion citing 2,438 quotes, and reading the ids of the sources
 * and entities by row afterwards (namedQuotes) takes about 14 (docs/performance.md, "Read by row").
 */
const QUOTE_COLUMNS = 'row, id, source, exact, prefix, suffix, span_start, span_end, speakers, occasion';

/** The quotes of `quoteIds`, in row order. */
const storedQuotes = (db: Db, version: number, quoteIds: readonly string[]) =>
  db.query<StoredQuote>(
    `SELECT ${QUOTE_COLUMNS} FROM tl_quotes WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, quoteIds],
  );

/** The quotes at rows `rows`, in row order: cheaper than by id (each id is looked up in both halves' indexes). */
export const quoteRowsAt = (db: Db, version: number, rows: readonly number[]) =>
  db.query<StoredQuote>(
    `SELECT ${QUOTE_COLUMNS} FROM tl_quotes WHERE version = $1 AND row = ANY($2::int[]) ORDER BY row`,
    [version, rows],
  );

/** `stored` with its sources and entities named by id, and the records of the sources they cite, in row order. */
async function namedQuotes(
  db: Db,
  version: number,
  stored: readonly StoredQuote[],
): Promise<{ quotes: QuoteRow[]; sources: SourceRow[] }> {
  const entityRows = new Set<number>();
  for (const q of stored) {
    for (const s of q.speakers) entityRows.add(s);
    if (q.occasion !== null) entityRows.add(q.occasion);
  }
  const [sources, entities] = await Promise.all([
    db.query<SourceRow>(
      `SELECT row, id, meta, chars FROM tl_sources WHERE version = $1 AND row = ANY($2::int[]) ORDER BY row`,
      [version, [...new Set(stored.map((q) => q.source))]],
    ),
    db.query<{ row: number; id: string }>(
      `SELECT row, id FROM tl_entities WHERE version = $1 AND row = ANY($2::int[])`,
      [version, [...entityRows]],
    ),
  ]);
  const sourceId = new Map(sources.map((s) => [s.row, s.id]));
  const entityId = new Map(entities.map((e) => [e.row, e.id]));
  const quotes = stored.map((q): QuoteRow => ({
    row: q.row,
    id: q.id,
    source: q.source,
    source_id: sourceId.get(q.source)!,
    exact: q.exact,
    prefix: q.prefix,
    suffix: q.suffix,
    span_start: q.span_start,
    span_end: q.span_end,
    speakers: q.speakers.map((s) => entityId.get(s)!),
    occasion: q.occasion === null ? null : entityId.get(q.occasion)!,
  }));
  return { quotes, sources };
}

const quoteRecord = (q: QuoteRow): BundleQuoteRecord => ({
  id: q.id,
  sourceId: q.source_id,
  exact: q.exact,
  ...(q.prefix !== null ? { prefix: q.prefix } : {}),
  ...(q.suffix !== null ? { suffix: q.suffix } : {}),
  start: q.span_start,
  end: q.span_end,
  ...(q.speakers[0] ? { speaker: q.speakers[0] } : {}),
  ...(q.speakers.length > 1 ? { speakers: q.speakers } : {}),
  ...(q.occasion ? { occasion: q.occasion } : {}),
});

const entityRecord = (e: EntityRow): EntityRecord =>
  ({
    id: e.id,
    type: e.type,
    name: e.name,
    ...(e.aliases ? { aliases: e.aliases } : {}),
    description: e.description,
    ...(e.role !== null ? { role: e.role } : {}),
    ...(e.date !== null ? { date: e.date } : {}),
  }) as EntityRecord;

/**
 * The records `relations` need: every quote they cite; the entities in `entityIds` plus those the quotes
 * (speakers, occasion) and claims (asserters) name, less `omitEntities`; the quotes' sources but those in
 * `omitSources`, whole or (`windows`) as the windows of the quotes cited; and the relation types they use.
 * Refused (SourceTextTooLarge) past `maxTextBytes` of source text.
 */
export function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit?: HeldAlready,
  limits?: TextLimits,
  texts?: 'whole',
): Promise<EvidenceRecords & { sources: BundleSource[] }>;
export function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit: HeldAlready,
  limits: TextLimits,
  texts: 'whole' | 'windows',
): Promise<EvidenceRecords>;
export async function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit: HeldAlready = {},
  limits: TextLimits = {},
  texts: 'whole' | 'windows' = 'whole',
): Promise<EvidenceRecords> {
  const { maxTextBytes = SOURCE_TEXT_MAX_BYTES, contextChars = ANSWER_CONTEXT_CHARS } = limits;
  const stored =
    omit.quotesRead ?? (await storedQuotes(db, version, [...new Set(relations.flatMap((r) => r.evidence))]));
  const { quotes, sources: cited } = await namedQuotes(db, version, stored);
  const keep = new Set(entityIds);
  for (const q of quotes) for (const e of [...q.speakers, q.occasion]) if (e) keep.add(e);
  for (const r of relations) for (const c of r.claims ?? []) for (const e of c.assertedBy ?? []) keep.add(e);
  for (const id of omit.entities ?? []) keep.delete(id);
  const entities = await db.query<EntityRow>(
    `SELECT id, type, name, aliases, description, role, date FROM tl_entities WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...keep]],
  );
  const wanted = cited.filter((s) => !omit.sources?.has(s.id));
  let sources: ArrivingSource[] = [];
  // Most steps bring no source the explorer lacks: no text is read then.
  if (wanted.length > 0 && texts === 'windows')
    sources = await sourceWindows(db, version, wanted, quotes, maxTextBytes, contextChars);
  else if (wanted.length > 0) {
    refuseTooMuchText(wanted, maxTextBytes);
    const rows = await db.query<{ text: string }>(
      `SELECT ${wholeTextSql('s.version', 's.row')} AS text
       FROM tl_sources s WHERE s.version = $1 AND s.row = ANY($2::int[]) ORDER BY s.row`,
      [version, wanted.map((s) => s.row)],
    );
    sources = rows.map((s, i) => ({ ...wanted[i]!.meta, text: s.text }));
  }
  const types = await db.query<RelationTypeRow>(
    `SELECT ${RELATION_TYPE_COLUMNS} FROM tl_relation_types WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...new Set(relations.map((r) => r.type))]],
  );
  return {
    relationTypes: types.map(relationTypeOf),
    sources,
    entities: entities.map(entityRecord),
    quotes: quotes.map(quoteRecord),
  };
}

/**
 * Each quote's stretch, `WINDOW_CHARS` either side of it, cut to the text's `length`; those of one source
 * that overlap or touch joined, in order.
 */
export function windowsOf(
  spans: ReadonlyArray<{ start: number; end: number }>,
  length: number,
): Array<[number, number]> {
  const wanted = spans
    .map((s): [number, number] => [
      Math.max(0, s.start - WINDOW_CHARS),
      Math.min(length, s.end + WINDOW_CHARS),
    ])
    .sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const w of wanted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push([w[0], w[1]]);
  }
  return out;
}

/**
 * The sources `rows` (in row order) as the explorer takes them, in that order while `contextChars` lasts: whole
 * when short, else their record, length and the windows of the quotes in `quotes` that cite them, read from
 * the parts they fall in (source-parts.ts). Past the budget a source comes as its quotes alone: each
 * quote's own stretch (its `exact`, which the import checked is the text there), so the model still holds
 * every quote it is cited by, and the text around it is asked for when shown (sourceContexts). Refused
 * before anything is read when the text to send passes `maxTextBytes`.
 */
async function sourceWindows(
  db: Db,
  version: number,
  rows: readonly SourceRow[],
  quotes: readonly QuoteRow[],
  maxTextBytes: number,
  contextChars: number,
): Promise<ArrivingSource[]> {
  const cited = new Map<string, QuoteRow[]>();
  for (const q of quotes) {
    const list = cited.get(q.source_id) ?? [];
    list.push(q);
    cited.set(q.source_id, list);
  }
  let budget = contextChars;
  // Per source: what to read of it (the whole text when short, else its windows), or null for its quotes alone.
  const cuts = rows.map(({ id, chars }): { whole: boolean; cut: Array<[number, number]> } | null => {
    const spans = (cited.get(id) ?? []).map((q) => ({ start: q.span_start, end: q.span_end }));
    const whole = chars <= WHOLE_SOURCE_MAX_CHARS;
    const cut: Array<[number, number]> = whole ? [[0, chars]] : windowsOf(spans, chars);
    const cost = cut.reduce((n, [from, to]) => n + (to - from), 0);
    if (cost > budget) return null;
    budget -= cost;
    return { whole, cut };
  });
  const wanted = rows.flatMap((r, i) =>
    (cuts[i]?.cut ?? []).map(([from, to]) => ({ source: r.row, from, to })),
  );
  const chars = wanted.reduce((n, w) => n + (w.to - w.from), 0);
  if (chars > maxTextBytes)
    throw tooMuchText(rows.length, `whose text around its quotes comes to ${byteSize(chars)}`, maxTextBytes);
  const texts = await readStretches(db, version, wanted);
  let next = 0;
  return rows.map((row, i): ArrivingSource => {
    const plan = cuts[i];
    if (!plan) {
      const own = (cited.get(row.id) ?? []).map((q) => ({ start: q.span_start, text: q.exact }));
      return { ...row.meta, length: row.chars, windows: own };
    }
    const read = plan.cut.map(([from]) => ({ start: from, text: texts[next++]! }));
    return plan.whole
      ? { ...row.meta, text: read[0]!.text }
      : { ...row.meta, length: row.chars, windows: read };
  });
}

/**
 * The windows of the quotes `quoteIds` (at most LIMITS' id cap), for the explorer to show them in their
 * context: each source they cite as its record, length and those windows (whole when short). Quotes not in
 * the version are left out.
 */
export async function sourceContexts(
  db: Db,
  version: number,
  quoteIds: readonly string[],
  maxTextBytes: number = SOURCE_TEXT_MAX_BYTES,
): Promise<ArrivingSource[]> {
  const { quotes, sources } = await namedQuotes(db, version, await storedQuotes(db, version, quoteIds));
  return sourceWindows(db, version, sources, quotes, maxTextBytes, Number.POSITIVE_INFINITY);
}

/** Throws SourceTextTooLarge when the texts of `sources` hold more than `maxTextBytes`. */
function refuseTooMuchText(sources: readonly SourceRow[], maxTextBytes: number): void {
  // Each text's length is counted at import: the texts themselves are not read to be refused.
  const bytes = sources.reduce((n, s) => n + s.chars, 0);
  if (bytes > maxTextBytes)
    throw tooMuchText(sources.length, `holding ${byteSize(bytes)} of text`, maxTextBytes);
}

/** A relation as a bundle holds it, keeping an `answers` only where `kept` says its target travels too. */
export function relationRecord(
  { id, source, target, type, status, date, dateWritten, note, answers, evidence, claims }: RelationOut,
  kept: (answer: string | undefined) => boolean,
): RelationRecord {
  return {
    id,
    source,
    target,
    type,
    status,
    ...(date !== undefined ? { date } : {}),
    ...(dateWritten !== undefined
      ? { dateWritten: { ...dateWritten, sourceDate: dateWritten.sourceDate as PartialDate | null } }
      : {}),
    ...(note !== undefined ? { note } : {}),
    evidence,
    ...(claims
      ? { claims: claims.map(({ answers: a, ...c }) => ({ ...c, ...(kept(a) ? { answers: a } : {}) })) }
      : {}),
    ...(kept(answers) ? { answers } : {}),
  };
}

/** The sentence for an answer whose `n` sources carry more text (`what`) than one answer may. */
function tooMuchText(n: number, what: string, maxTextBytes: number): SourceTextTooLarge {
  return new SourceTextTooLarge(
    `The evidence here cites ${n} ${n === 1 ? 'source' : 'sources'} ${what}, more than the server sends in one answer (${byteSize(maxTextBytes)}): open or expand fewer entities at a time`,
  );
}
