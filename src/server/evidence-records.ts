/**
 * The records that travel with a set of relations, read back from the database as a bundle holds them:
 * their quotes (with speakers and occasion by entity id), the entities those name, their sources and the
 * relation types used. Shared by the export sub-bundle and the explorer's step delta, which differ only in
 * which relations they pick and which sources the receiver already holds.
 */
import type { BundleQuoteRecord, BundleSource } from '../model/format/bundle';
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

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export interface EvidenceRecords {
  relationTypes: RelationType[];
  sources: BundleSource[];
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
 * `omitSources`; and the relation types they use. Refused (SourceTextTooLarge) past `maxTextBytes` of source text.
 */
export async function evidenceRecords(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  entityIds: Iterable<string>,
  omit: { entities?: Iterable<string>; sources?: ReadonlySet<string> } = {},
  maxTextBytes: number = SOURCE_TEXT_MAX_BYTES,
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
  // Most steps bring no source the explorer lacks: neither the size check nor the texts are asked then.
  if (sourceIds.length > 0) await refuseTooMuchText(db, version, sourceIds, maxTextBytes);
  const sources =
    sourceIds.length === 0
      ? []
      : await db.query<{ meta: SourceRecord; text: string }>(
          `SELECT meta, text FROM tl_sources WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
          [version, sourceIds],
        );
  const types = await db.query<RelationTypeRow>(
    `SELECT ${RELATION_TYPE_COLUMNS} FROM tl_relation_types WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...new Set(relations.map((r) => r.type))]],
  );
  return {
    relationTypes: types.map(relationTypeOf),
    sources: sources.map((s) => ({ ...s.meta, text: s.text })),
    entities: entities.map(entityRecord),
    quotes: quotes.map(quoteRecord),
  };
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
  if (bytes > maxTextBytes)
    throw new SourceTextTooLarge(
      `The evidence here cites ${size!.n} ${size!.n === 1 ? 'source' : 'sources'} holding ${megabytes(bytes)} of text, more than the server sends in one answer (${megabytes(maxTextBytes)}): open or expand fewer entities at a time`,
    );
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
