/**
 * A Threadline bundle of given entities and the relations among them, with the quotes those relations
 * cite, the quotes' sources and speakers, and the relation types used: what the explorer's exports of the
 * visible subgraph need from a server dataset (the same rules as src/model/export/sub-bundle.ts).
 */
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../model/format/bundle';
import type { Db } from './db';
import type { AnswerLink } from '../model/core/extend-model';
import type { ArrivingSource } from '../model/core/held-text';
import { answersLeftOut } from './answers-left-out';
import { evidenceRecords, relationRecord, type TextLimits } from './evidence-records';
import { among } from './queries';

type EntityTypeDeclaration = NonNullable<Bundle['entityTypes']>[number];

/** A bundle whose long sources may come as windows (held-text.ts): what the explorer's opening takes. */
export type WindowedBundle = Omit<Bundle, 'sources'> & { sources: ArrivingSource[] };

/** `answers`: what the bundle's denials answer outside it, left out of their records (the explorer keeps them). */
export type SubBundleOut<B = Bundle> =
  { ok: true; bundle: B; answers: AnswerLink[] } | { ok: false; reason: string };

/** Whole texts (an export: `…/subgraph`), or long sources as their windows (the explorer's opening). */
export function serverSubBundle(
  db: Db,
  version: number,
  entityIds: readonly string[],
  limits?: TextLimits,
  texts?: 'whole',
): Promise<SubBundleOut>;
export function serverSubBundle(
  db: Db,
  version: number,
  entityIds: readonly string[],
  limits: TextLimits,
  texts: 'windows',
): Promise<SubBundleOut<WindowedBundle>>;
export async function serverSubBundle(
  db: Db,
  version: number,
  entityIds: readonly string[],
  limits: TextLimits = {},
  texts: 'whole' | 'windows' = 'whole',
): Promise<SubBundleOut<WindowedBundle>> {
  const relations = await among(db, version, entityIds);
  if (relations.length === 0)
    return {
      ok: false,
      reason: 'These entities have no relations among them, so there is no evidence to export.',
    };
  const quoteIds = new Set(relations.flatMap((r) => r.evidence));
  const records = await evidenceRecords(db, version, relations, entityIds, {}, limits, texts);
  // What a denial answers comes along only if it is in the export; a dangling answer would not validate.
  const relationIds = new Set(relations.map((r) => r.id));
  const answerKept = (a: string | undefined) => a !== undefined && (relationIds.has(a) || quoteIds.has(a));
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
      relationTypes: records.relationTypes,
      sources: records.sources,
      entities: records.entities,
      relations: relations.map((r) => relationRecord(r, answerKept)),
      quotes: records.quotes,
    },
    answers: answersLeftOut(relations, answerKept),
  };
}
