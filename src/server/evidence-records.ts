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

/** What the receiver holds already: entities it has, sources it holds whole. */
type HeldAlready = { entities?: Iterable<string>; sources?: ReadonlySet<string> };

export interface EvidenceRecords {
  relationTypes: RelationType[];
  /** Whole, unless asked for `windows`: then long sources come in part. */
  sources: ArrivingSource[];
  entities: EntityRecord[];
  quotes: BundleQuoteRecord[];
}

interface QuoteRow {
  id: string;
  source_id: string;
  exact: string;
  prefix: string | null;
  suffix: string | null;
  span_start: number;
  span_end: number;
  speakers: string[];
  occasion: string | null;
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
  maxTextBytes?: number,
  texts?: 'whole',
): Promise<EvidenceRecords & { sources: BundleSource[] }>;
export function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit: HeldAlready,
  maxTextBytes: number | undefined,
  texts: 'whole' | 'windows',
): Promise<EvidenceRecords>;
export async function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit: HeldAlready = {},
  maxTextBytes: number = SOURCE_TEXT_MAX_BYTES,
  texts: 'whole' | 'windows' = 'whole',
): Promise<EvidenceRecords> {
  const quoteIds = [...new Set(relations.flatMap((r) => r.evidence))];
  const quotes = await db.query<QuoteRow>(
    `SELECT q.id, s.id AS source_id, q.exact, q.prefix, q.suffix, q.span_start, q.span_end,
       ARRAY(SELECT e.id FROM unnest(q.speakers) WITH ORDINALITY AS sp(row, i)
             JOIN tl_entities e ON e.version = q.version AND e.row = sp.row ORDER BY sp.i) AS speakers,
       (SELECT e.id FROM tl_entities e WHERE e.version = q.version AND e.row = q.occasion) AS occasion
     FROM tl_quotes q JOIN tl_sources s ON s.version = q.version AND s.row = q.source
     WHERE q.version = $1 AND q.id = ANY($2::text[]) ORDER BY q.row`,
    [version, quoteIds],
  );
  const keep = new Set(entityIds);
  for (const q of quotes) for (const e of [...q.speakers, q.occasion]) if (e) keep.add(e);
  for (const r of relations) for (const c of r.claims ?? []) for (const e of c.assertedBy ?? []) keep.add(e);
  for (const id of omit.entities ?? []) keep.delete(id);
  const entities = await db.query<EntityRow>(
    `SELECT id, type, name, aliases, description, role, date FROM tl_entities WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...keep]],
  );
  const sourceIds = [...new Set(quotes.map((q) => q.source_id))].filter((s) => !omit.sources?.has(s));
  let sources: ArrivingSource[] = [];
  // Most steps bring no source the explorer lacks: neither the size check nor the texts are asked then.
  if (sourceIds.length > 0 && texts === 'windows')
    sources = await sourceWindows(db, version, sourceIds, quotes, maxTextBytes);
  else if (sourceIds.length > 0) {
    await refuseTooMuchText(db, version, sourceIds, maxTextBytes);
    const rows = await db.query<{ meta: SourceRecord; text: string }>(
      `SELECT meta, text FROM tl_sources WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
      [version, sourceIds],
    );
    sources = rows.map((s) => ({ ...s.meta, text: s.text }));
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
 * The sources of `sourceIds` as the explorer takes them: whole when short (or when characters beyond the
 * Basic Multilingual Plane make PostgreSQL's offsets differ from JavaScript's: cut here instead), else their
 * record, length and the windows of the quotes in `quotes` that cite them.
 *
 * One statement reads each text once: `text || ''` in a subquery kept apart (OFFSET 0) takes it out of its
 * compressed storage once, and its length and every window are read from that. Asked separately, the
 * length and each window's substr decompressed the text again each time: at 5M relations an expansion
 * citing 1,200 sources of 370 KB took 26 s (under a load of 11).
 */
async function sourceWindows(
  db: Db,
  version: number,
  sourceIds: readonly string[],
  quotes: readonly QuoteRow[],
  maxTextBytes: number,
): Promise<ArrivingSource[]> {
  const spans = new Map<string, Array<{ start: number; end: number }>>();
  for (const q of quotes) {
    const list = spans.get(q.source_id) ?? [];
    list.push({ start: q.span_start, end: q.span_end });
    spans.set(q.source_id, list);
  }
  // Windows before the length is known: one running past the text's end is cut there by substr.
  const wanted = sourceIds.map((id) => windowsOf(spans.get(id) ?? [], Number.MAX_SAFE_INTEGER));
  const starts: number[] = [];
  const lengths: number[] = [];
  const first: number[] = [1];
  for (const list of wanted) {
    for (const [from, to] of list) {
      starts.push(from);
      lengths.push(to - from);
    }
    first.push(starts.length + 1);
  }
  const rows = await db.query<{
    k: string | number;
    row: number;
    meta: SourceRecord;
    length: number;
    text: string | null;
    parts: string[] | null;
  }>(
    `SELECT s.k, s.row, s.meta, s.len AS length,
       CASE WHEN s.astral OR s.len <= $3 THEN s.t END AS text,
       CASE WHEN s.astral OR s.len <= $3 THEN NULL ELSE
         ARRAY(SELECT substr(s.t, ($4::int[])[j] + 1, ($5::int[])[j])
               FROM generate_series(($6::int[])[s.k], ($6::int[])[s.k + 1] - 1) AS j ORDER BY j) END AS parts
     FROM (SELECT a.*, length(a.t) AS len FROM (
             SELECT x.k, src.row, src.meta, src.astral, src.text || '' AS t
             FROM unnest($2::text[]) WITH ORDINALITY AS x(id, k)
             JOIN tl_sources src ON src.version = $1 AND src.id = x.id
             OFFSET 0) a
           OFFSET 0) s`,
    [version, sourceIds, WHOLE_SOURCE_MAX_CHARS, starts, lengths, first],
  );
  rows.sort((a, b) => a.row - b.row);
  let chars = 0;
  const out = rows.map((row): ArrivingSource => {
    const { text } = row;
    if (text !== null && text.length <= WHOLE_SOURCE_MAX_CHARS) {
      chars += text.length;
      return { ...row.meta, text };
    }
    // A text with astral characters came whole: its windows are cut here, in JavaScript's offsets.
    const length = text?.length ?? row.length;
    const windows = wanted[Number(row.k) - 1]!.map(([from, to], i) => ({
      start: from,
      text: text !== null ? text.slice(from, Math.min(to, length)) : row.parts![i]!,
    }));
    chars += windows.reduce((n, w) => n + w.text.length, 0);
    return { ...row.meta, length, windows };
  });
  if (chars > maxTextBytes)
    throw tooMuchText(rows.length, `whose text around its quotes comes to ${byteSize(chars)}`, maxTextBytes);
  return out;
}

/** Throws SourceTextTooLarge when the texts of `sourceIds` hold more than `maxTextBytes`. */
async function refuseTooMuchText(
  db: Db,
  version: number,
  sourceIds: readonly string[],
  maxTextBytes: number,
): Promise<void> {
  // octet_length reads a stored text's size from its header, without reading the text.
  const [size] = await db.query<{ n: number; bytes: string | number }>(
    `SELECT count(*)::int AS n, coalesce(sum(octet_length(text)), 0)::bigint AS bytes
     FROM tl_sources WHERE version = $1 AND id = ANY($2::text[])`,
    [version, sourceIds],
  );
  const bytes = Number(size?.bytes ?? 0);
  if (bytes > maxTextBytes) throw tooMuchText(size!.n, `holding ${byteSize(bytes)} of text`, maxTextBytes);
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
