/**
 * What the explorer adds to a partial model it already holds: the relations joining new entities to what it
 * has loaded (and among themselves), with their quotes, the entities those quotes and claims name, and only
 * the sources it does not hold. The sub-bundle of everything loaded (sub-bundle.ts) is sent again whole at
 * every step; a hub-heavy opening shares thousands of relations, so a step cost a second that way.
 * An expansion asks for its neighbour page and that page's delta at once (expansionDelta): two requests in
 * series were two round trips, and the second could only leave once the first was read.
 */
import type { RelationRecord } from '../model/format/schema';
import type { AnswerLink } from '../model/core/extend-model';
import { answersLeftOut } from './answers-left-out';
import type { Db } from './db';
import {
  evidenceRecords,
  quoteRowsAt,
  relationRecord,
  type EvidenceRecords,
  type TextLimits,
} from './evidence-records';
import { neighbours, type TypeCount } from './queries';
import { relationOut, type RelationOut, type RelationRow } from './records';

/** Records to append to a partial model; the client drops any it already holds (an entity named twice). */
export interface ExplorerDelta extends EvidenceRecords {
  relations: RelationRecord[];
  /** What a denial answers, left out of its record until the explorer holds its target. */
  answers: AnswerLink[];
}

/** The rows of entities `ids`, with their ids: a relation's ends are named from these, not joined again. */
const rowsOf = (db: Db, version: number, ids: readonly string[]) =>
  db.query<{ row: number; id: string }>(
    `SELECT row, id FROM tl_entities WHERE version = $1 AND id = ANY($2::text[])`,
    [version, ids],
  );

/**
 * The relations joining the new entities ($2, rows) to themselves and to those held ($3): as
 * records.ts's relationSelect, but each side of the OR read by its own index scan, and the joins given
 * the version itself rather than the relation's. With the OR in one scan and version = r.version, the
 * planner's estimates ran to millions of rows: at 5M relations it started parallel workers (87–430 ms
 * for 84 rows) and, without them, scanned the table; this form reads the rows in about 2 ms.
 * The rows are picked from the adjacency indexes alone (their far end is in the index), then read by row:
 * read whole while picking, an expansion whose 14 new entities had 60,000 relations, of which 2,569 joined
 * the opening's hubs, visited every one of them in the table (67 of 99 ms; 5 ms picked from the indexes).
 */
const RELATIONS_JOINING = `
  WITH picked AS (
    SELECT row FROM tl_relations
     WHERE version = $1 AND source = ANY($2::int[]) AND (target = ANY($2::int[]) OR target = ANY($3::int[]))
    UNION ALL
    SELECT row FROM tl_relations
     WHERE version = $1 AND target = ANY($2::int[]) AND source = ANY($3::int[]) AND NOT source = ANY($2::int[])
  )
  SELECT r.row, r.id, r.source, r.target, r.type, r.status, r.date, r.note, r.answers, r.date_written
  FROM picked p
  JOIN tl_relations r ON r.version = $1 AND r.row = p.row
  ORDER BY r.row`;

/**
 * A relation as RELATIONS_JOINING reads it: its ends by row. Their ids come from what the answer reads anyway
 * (the entities asked about): joined in SQL, the ends' and quotes' ids took 20 of the 45 ms of that query for
 * an expansion that brings 2,236 relations (docs/performance.md).
 */
type RelationAtRows = Omit<RelationRow, 'source' | 'target' | 'evidence'> & {
  source: number;
  target: number;
};

/**
 * The evidence of relations $2 (rows), in order, with its quotes by row. Built into each relation as JSON
 * in SQL, it took 31 of that query's 38 ms for an expansion that brings 2,569 relations; read as rows,
 * 9 ms (docs/performance.md, "Read by row").
 */
const EVIDENCE_OF = `
  SELECT relation, quote, status, asserted_by, answers FROM tl_evidence
   WHERE version = $1 AND relation = ANY($2::int[]) ORDER BY relation, ord`;

interface EvidenceAtRows {
  relation: number;
  quote: number;
  status: number | null;
  asserted_by: string[] | null;
  answers: string | null;
}

/**
 * `work` in one transaction without parallel workers: the planner's estimates for these reads run far
 * above the few hundred rows they touch, and at 5M relations starting workers took 20–50 ms of queries
 * that read their rows in 2–5 ms.
 */
const serial = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return work(tx);
  });

export function explorerDelta(
  db: Db,
  version: number,
  added: readonly string[],
  known: readonly string[],
  sourcesHeld: ReadonlySet<string>,
  limits: TextLimits = {},
): Promise<ExplorerDelta> {
  return serial(db, (tx) => deltaIn(tx, version, added, known, sourcesHeld, limits));
}

async function deltaIn(
  db: Db,
  version: number,
  added: readonly string[],
  known: readonly string[],
  sourcesHeld: ReadonlySet<string>,
  limits: TextLimits,
): Promise<ExplorerDelta> {
  const [fresh, held] = await Promise.all([rowsOf(db, version, added), rowsOf(db, version, known)]);
  const entityId = new Map([...fresh, ...held].map((e) => [e.row, e.id]));
  const [freshRows, heldRows] = [fresh.map((e) => e.row), held.map((e) => e.row)];
  const atRows = await db.query<RelationAtRows>(RELATIONS_JOINING, [version, freshRows, heldRows]);
  const evidenceRows = await db.query<EvidenceAtRows>(EVIDENCE_OF, [version, atRows.map((r) => r.row)]);
  const quotes = await quoteRowsAt(db, version, [...new Set(evidenceRows.map((e) => e.quote))]);
  const quoteId = new Map(quotes.map((q) => [q.row, q.id]));
  const evidence = new Map<number, RelationRow['evidence']>();
  for (const e of evidenceRows) {
    const list = evidence.get(e.relation) ?? [];
    list.push({
      quote: quoteId.get(e.quote)!,
      status: e.status,
      assertedBy: e.asserted_by,
      answers: e.answers,
    });
    evidence.set(e.relation, list);
  }
  const relations = atRows.map((r) =>
    relationOut({
      ...r,
      source: entityId.get(r.source)!,
      target: entityId.get(r.target)!,
      evidence: evidence.get(r.row) ?? [],
    }),
  );
  const [records, answered] = await Promise.all([
    evidenceRecords(
      db,
      version,
      relations,
      added,
      { entities: known, sources: sourcesHeld, quotesRead: quotes },
      limits,
      'windows',
    ),
    answersHeld(db, version, relations, [...freshRows, ...heldRows]),
  ]);
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

/** An expansion as the explorer asks for it: which neighbours, and what adding them brings. */
export interface ExpansionAsk {
  id: string;
  type?: string | undefined;
  /** Relations per page, and how many pages (a hub's "all" reads two). */
  limit: number;
  pages: number;
  /** The entities the explorer holds, and how many more it may hold. */
  known: readonly string[];
  room: number;
  sourcesHeld: ReadonlySet<string>;
  /** What the answer may carry of source text. */
  limits?: TextLimits;
}

export interface ExpansionDelta {
  /** Relations per type of the entity (all types), for the hub guard. */
  counts: TypeCount[];
  /** The entity, then the other ends of its relations on the pages read, most connected first. */
  entityIds: string[];
  next: number | null;
  /** Entities of `entityIds` not held that did not fit in `room`: not added. */
  dropped: number;
  /** What adding the rest brings; null when every one is held already. */
  delta: ExplorerDelta | null;
}

/** The neighbour pages of an expansion and, in the same answer, the delta of adding those not held. */
export function expansionDelta(db: Db, version: number, ask: ExpansionAsk): Promise<ExpansionDelta | null> {
  return serial(db, (tx) => expansionIn(tx, version, ask));
}

async function expansionIn(db: Db, version: number, ask: ExpansionAsk): Promise<ExpansionDelta | null> {
  const entityIds = [ask.id];
  let counts: TypeCount[] = [];
  let after = -1;
  let next: number | null = null;
  for (let page = 0; page < ask.pages; page++) {
    const found = await neighbours(db, version, ask.id, { type: ask.type, limit: ask.limit, after });
    if (!found) return null;
    if (page === 0) counts = found.counts;
    entityIds.push(...found.entities.map((e) => e.id));
    next = found.next;
    if (next === null) break;
    after = next;
  }
  const held = new Set(ask.known);
  const fresh = [...new Set(entityIds)].filter((id) => !held.has(id));
  const added = fresh.slice(0, ask.room);
  return {
    counts,
    entityIds,
    next,
    dropped: fresh.length - added.length,
    delta:
      added.length > 0
        ? await deltaIn(db, version, added, ask.known, ask.sourcesHeld, ask.limits ?? {})
        : null,
  };
}
