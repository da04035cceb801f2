/**
 * What the explorer adds to a partial model it already holds: the relations joining new entities to what it
 * has loaded (and among themselves), with their quotes, the entities those quotes and claims name, and only
 * the sources it does not hold. The sub-bundle of everything loaded (sub-bundle.ts) is sent again whole at
 * every step; a hub-heavy opening shares thousands of relations, so a step cost a second that way.
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
import { relationOut, relationSelect, type RelationOut, type RelationRow } from './records';

/** Records to append to a partial model; the client drops any it already holds (an entity named twice). */
export interface ExplorerDelta {
  relationTypes: RelationType[];
  sources: BundleSource[];
  entities: EntityRecord[];
  quotes: BundleQuoteRecord[];
  relations: RelationRecord[];
}

const rowsOf = async (db: Db, version: number, ids: readonly string[]) =>
  (
    await db.query<{ row: number }>(
      `SELECT row FROM tl_entities WHERE version = $1 AND id = ANY($2::text[])`,
      [version, ids],
    )
  ).map((r) => r.row);

export async function explorerDelta(
  db: Db,
  version: number,
  added: readonly string[],
  known: readonly string[],
  sourcesHeld: ReadonlySet<string>,
): Promise<ExplorerDelta> {
  const fresh = await rowsOf(db, version, added);
  const held = await rowsOf(db, version, known);
  const relations = (
    await db.query<RelationRow>(
      `${relationSelect('tl_relations r')}
       WHERE r.version = $1 AND (
         (r.source = ANY($2::int[]) AND (r.target = ANY($2::int[]) OR r.target = ANY($3::int[])))
         OR (r.target = ANY($2::int[]) AND r.source = ANY($3::int[])))
       ORDER BY r.row`,
      [version, fresh, held],
    )
  ).map(relationOut);
  const quoteIds = [...new Set(relations.flatMap((r) => r.evidence))];
  const quotes = await db.query<{
    id: string;
    source_id: string;
    exact: string;
    prefix: string | null;
    suffix: string | null;
    span_start: number;
    span_end: number;
    speakers: string[];
    occasion: string | null;
  }>(
    `SELECT q.id, s.id AS source_id, q.exact, q.prefix, q.suffix, q.span_start, q.span_end,
       ARRAY(SELECT e.id FROM unnest(q.speakers) WITH ORDINALITY AS sp(row, i)
             JOIN tl_entities e ON e.version = q.version AND e.row = sp.row ORDER BY sp.i) AS speakers,
       (SELECT e.id FROM tl_entities e WHERE e.version = q.version AND e.row = q.occasion) AS occasion
     FROM tl_quotes q JOIN tl_sources s ON s.version = q.version AND s.row = q.source
     WHERE q.version = $1 AND q.id = ANY($2::text[]) ORDER BY q.row`,
    [version, quoteIds],
  );
  const keep = new Set(added);
  for (const q of quotes) for (const e of [...q.speakers, q.occasion]) if (e) keep.add(e);
  for (const r of relations) for (const c of r.claims ?? []) for (const e of c.assertedBy ?? []) keep.add(e);
  for (const id of known) keep.delete(id);
  const entities = await db.query<{
    id: string;
    type: string;
    name: string;
    aliases: string[] | null;
    description: string;
    role: string | null;
    date: EntityRecord['date'] | null;
  }>(
    `SELECT id, type, name, aliases, description, role, date FROM tl_entities WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...keep]],
  );
  const wantedSources = [...new Set(quotes.map((q) => q.source_id))].filter((s) => !sourcesHeld.has(s));
  const sources = await db.query<{ meta: SourceRecord; text: string }>(
    `SELECT meta, text FROM tl_sources WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, wantedSources],
  );
  const types = await db.query<RelationTypeRow>(
    `SELECT ${RELATION_TYPE_COLUMNS} FROM tl_relation_types WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...new Set(relations.map((r) => r.type))]],
  );
  const answered = await answersHeld(db, version, relations, [...fresh, ...held]);
  return {
    relationTypes: types.map(relationTypeOf),
    sources: sources.map((s) => ({ ...s.meta, text: s.text })),
    entities: entities.map(
      (e) =>
        ({
          id: e.id,
          type: e.type,
          name: e.name,
          ...(e.aliases ? { aliases: e.aliases } : {}),
          description: e.description,
          ...(e.role !== null ? { role: e.role } : {}),
          ...(e.date !== null ? { date: e.date } : {}),
        }) as EntityRecord,
    ),
    relations: relations.map((r) => relationRecord(r, answered)),
    quotes: quotes.map((q): BundleQuoteRecord => ({
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
    })),
  };
}

/**
 * What a denial answers stays only if the explorer will hold it: a relation among the loaded entities, or a
 * quote one of those relations cites (as the whole sub-bundle keeps it; a dangling answer would not validate).
 */
async function answersHeld(
  db: Db,
  version: number,
  relations: readonly RelationOut[],
  rows: readonly number[],
): Promise<Set<string>> {
  const targets = [
    ...new Set(relations.flatMap((r) => [r.answers, ...(r.claims ?? []).map((c) => c.answers)])),
  ].filter((a): a is string => a !== undefined);
  if (targets.length === 0) return new Set();
  const found = await db.query<{ id: string }>(
    `SELECT r.id FROM tl_relations r
      WHERE r.version = $1 AND r.id = ANY($2::text[]) AND r.source = ANY($3::int[]) AND r.target = ANY($3::int[])
     UNION
     SELECT q.id FROM tl_quotes q
       JOIN tl_evidence ev ON ev.version = q.version AND ev.quote = q.row
       JOIN tl_relations r ON r.version = ev.version AND r.row = ev.relation
      WHERE q.version = $1 AND q.id = ANY($2::text[]) AND r.source = ANY($3::int[]) AND r.target = ANY($3::int[])`,
    [version, targets, rows],
  );
  return new Set(found.map((f) => f.id));
}

function relationRecord(
  { id, source, target, type, status, date, dateWritten, note, answers, evidence, claims }: RelationOut,
  answered: ReadonlySet<string>,
): RelationRecord {
  const kept = (a: string | undefined) => a !== undefined && answered.has(a);
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
