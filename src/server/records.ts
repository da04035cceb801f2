/** The SQL that reads entities and relations back as the records the explorer knows (docs/data-format.md). */
import type { DateSpec } from '../model/format/schema';
import { STATUSES, type Status } from '../model/core/vocabulary';

export interface EntityOut {
  id: string;
  type: string;
  name: string;
  aliases?: string[];
  description: string;
  role?: string;
  date?: DateSpec;
  /** Relations it takes part in, and its PageRank, precomputed per dataset version. */
  degree: number;
  pagerank: number;
}

export interface RelationOut {
  id: string;
  source: string;
  target: string;
  type: string;
  status: Status;
  date?: DateSpec;
  note?: string;
  answers?: string;
  dateWritten?: { asWritten: string; sourceId: string; sourceDate: string | null };
  /** Quote ids, in the dataset's order. */
  evidence: string[];
  /** Per evidence quote, in its order, when some quote says more than the relation does (issue #18). */
  claims?: Array<{ quote: string; status: Status; assertedBy?: string[]; answers?: string }>;
}

export const ENTITY_COLUMNS = `e.id, e.type, e.name, e.aliases, e.description, e.role, e.date, e.degree, e.pagerank`;

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[] | null;
  description: string;
  role: string | null;
  date: DateSpec | null;
  degree: number;
  pagerank: number;
}

export const entityOut = (r: EntityRow): EntityOut => ({
  id: r.id,
  type: r.type,
  name: r.name,
  ...(r.aliases ? { aliases: r.aliases } : {}),
  description: r.description,
  ...(r.role !== null ? { role: r.role } : {}),
  ...(r.date !== null ? { date: r.date } : {}),
  degree: r.degree,
  pagerank: r.pagerank,
});

/** Relations of version $1 as records: `from` names the rows to read (a table or subquery aliased r). */
export const relationSelect = (from: string): string => `
  SELECT r.row, r.id, s.id AS source, t.id AS target, r.type, r.status, r.date, r.note, r.answers, r.date_written,
    (SELECT json_agg(json_build_object('quote', q.id, 'status', ev.status, 'assertedBy', ev.asserted_by, 'answers', ev.answers)
                     ORDER BY ev.ord)
       FROM tl_evidence ev JOIN tl_quotes q ON q.version = ev.version AND q.row = ev.quote
      WHERE ev.version = r.version AND ev.relation = r.row) AS evidence
  FROM ${from}
  JOIN tl_entities s ON s.version = r.version AND s.row = r.source
  JOIN tl_entities t ON t.version = r.version AND t.row = r.target`;

export interface RelationRow {
  row: number;
  id: string;
  source: string;
  target: string;
  type: string;
  status: number;
  date: DateSpec | null;
  note: string | null;
  answers: string | null;
  date_written: RelationOut['dateWritten'] | null;
  evidence: Array<{
    quote: string;
    status: number | null;
    assertedBy: string[] | null;
    answers: string | null;
  }>;
}

export const statusName = (i: number): Status => STATUSES[i]!;

export function relationOut(r: RelationRow): RelationOut {
  const status = statusName(r.status);
  const saysMore = r.evidence.some((e) => e.status !== null || e.assertedBy !== null || e.answers !== null);
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    status,
    ...(r.date !== null ? { date: r.date } : {}),
    ...(r.date_written !== null ? { dateWritten: r.date_written } : {}),
    ...(r.note !== null ? { note: r.note } : {}),
    ...(r.answers !== null ? { answers: r.answers } : {}),
    evidence: r.evidence.map((e) => e.quote),
    ...(saysMore
      ? {
          claims: r.evidence.map((e) => ({
            quote: e.quote,
            status: e.status === null ? status : statusName(e.status),
            ...(e.assertedBy !== null ? { assertedBy: e.assertedBy } : {}),
            ...(e.answers !== null ? { answers: e.answers } : {}),
          })),
        }
      : {}),
  };
}
