/**
 * What the explorer adds to a partial model it already holds: the relations joining new entities to what it
 * has loaded (and among themselves), with their quotes, the entities those quotes and claims name, and only
 * the sources it does not hold. The sub-bundle of everything loaded (sub-bundle.ts) is sent again whole at
 * every step; a hub-heavy opening shares thousands of relations, so a step cost a second that way.
 */
import type { RelationRecord } from '../model/format/schema';
import type { AnswerLink } from '../model/core/extend-model';
import { answersLeftOut } from './answers-left-out';
import type { Db } from './db';
import { evidenceRecords, relationRecord, type EvidenceRecords } from './evidence-records';
import { relationOut, relationSelect, type RelationOut, type RelationRow } from './records';

/** Records to append to a partial model; the client drops any it already holds (an entity named twice). */
export interface ExplorerDelta extends EvidenceRecords {
  relations: RelationRecord[];
  /** What a denial answers, left out of its record until the explorer holds its target. */
  answers: AnswerLink[];
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
  const records = await evidenceRecords(db, version, relations, added, {
    entities: known,
    sources: sourcesHeld,
  });
  const answered = await answersHeld(db, version, relations, [...fresh, ...held]);
  return {
    ...records,
    relations: relations.map((r) => relationRecord(r, (a) => a !== undefined && answered.has(a))),
    answers: answersLeftOut(relations, (a) => a !== undefined && answered.has(a)),
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
