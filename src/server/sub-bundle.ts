/**
 * A Threadline bundle of given entities and the relations among them, with the quotes those relations
 * cite, the quotes' sources and speakers, and the relation types used: what the explorer's exports of the
 * visible subgraph need from a server dataset (the same rules as src/model/export/sub-bundle.ts).
 */
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleQuoteRecord } from '../model/format/bundle';
import type { EntityRecord, PartialDate, SourceRecord } from '../model/format/schema';

type EntityTypeDeclaration = NonNullable<Bundle['entityTypes']>[number];
import type { Db } from './db';
import { among, RELATION_TYPE_COLUMNS, relationTypeOf, type RelationTypeRow } from './queries';

export type SubBundleOut = { ok: true; bundle: Bundle } | { ok: false; reason: string };

export async function serverSubBundle(
  db: Db,
  version: number,
  entityIds: readonly string[],
): Promise<SubBundleOut> {
  const relations = await among(db, version, entityIds);
  if (relations.length === 0)
    return {
      ok: false,
      reason: 'These entities have no relations among them, so there is no evidence to export.',
    };
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
  const keep = new Set(entityIds);
  for (const q of quotes) for (const e of [...q.speakers, q.occasion]) if (e) keep.add(e);
  for (const r of relations) for (const c of r.claims ?? []) for (const e of c.assertedBy ?? []) keep.add(e);
  // What a denial answers comes along only if it is in the export; a dangling answer would not validate.
  const relationIds = new Set(relations.map((r) => r.id));
  const answerKept = (a: string | undefined) =>
    a !== undefined && (relationIds.has(a) || quoteIds.includes(a));
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
  const sources = await db.query<{ meta: SourceRecord; text: string }>(
    `SELECT meta, text FROM tl_sources WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...new Set(quotes.map((q) => q.source_id))]],
  );
  const types = await db.query<RelationTypeRow>(
    `SELECT ${RELATION_TYPE_COLUMNS} FROM tl_relation_types WHERE version = $1 AND id = ANY($2::text[]) ORDER BY row`,
    [version, [...new Set(relations.map((r) => r.type))]],
  );
  const [head] = await db.query<{
    dataset_id: string;
    title: string;
    description: string | null;
    entity_types: EntityTypeDeclaration[] | null;
  }>(`SELECT dataset_id, title, description, entity_types FROM tl_versions WHERE version = $1`, [version]);
  return {
    ok: true,
    bundle: {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      dataset: {
        id: head!.dataset_id,
        title: head!.title,
        ...(head!.description ? { description: head!.description } : {}),
      },
      ...(head!.entity_types?.length ? { entityTypes: head!.entity_types } : {}),
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
      relations: relations.map(
        ({ id, source, target, type, status, date, dateWritten, note, answers, evidence, claims }) => ({
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
            ? {
                claims: claims.map(({ answers: a, ...c }) => ({
                  ...c,
                  ...(answerKept(a) ? { answers: a } : {}),
                })),
              }
            : {}),
          ...(answerKept(answers) ? { answers } : {}),
        }),
      ),
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
    },
  };
}
