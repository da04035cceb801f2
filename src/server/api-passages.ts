/**
 * The search box's "Said in the sources" on a server dataset, in one request: the quotes holding every
 * word typed, as a local dataset's search box matches them — each word the start of a word of the quote,
 * so what is being typed finds ("deerh": "Deerhurst") — those with every word whole first, by the
 * database's stemming ("funded" finds "funding"); see searchPassageQuotes. Each quote comes as the box
 * shows it: a snippet with every word starting with a typed one marked, as in memory, and the words the
 * stemming matched too, and the relations it backs in words, those whose two ends the quote names first.
 * The explorer may hold none of those relations yet: the words let it show them, and their ends tell it
 * which entities to load when one is picked.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { relationVerb, statement } from '../model/core/relation-wording';
import type { Status } from '../model/core/vocabulary';
import { byMentionOf, snippetAround, matchesIn } from '../model/search/passage-search';
import { wordsOf } from '../model/search/search-text';
import { DbUnavailableError, isUnavailable, type Db } from './db';
import { passageQuery } from './passage-words';
import { relationTypeOf, resolveVersion, searchPassageQuotes, type RelationTypeRow } from './queries';
import { statusName } from './records';
import { TEXT_CONFIGS } from './schema';

const ENGLISH = TEXT_CONFIGS.english;

/** The caps of `…/search/quotes`. */
const RESULTS_MAX = 50;
const QUERY_MAX = 200;
/** What ts_headline puts around a matched word: controls, which a quote never holds (and it is checked). */
const OPEN = '\u0001';
const CLOSE = '\u0002';
const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${OPEN}, StopSel=${CLOSE}`;

interface Span {
  start: number;
  end: number;
}

export interface PassageRelationOut {
  id: string;
  source: string;
  target: string;
  type: string;
  status: Status;
  /** The relation as a sentence, with its status: "Alleged: A acted on behalf of B". */
  sentence: string;
}

export interface PassageOut {
  quote: string;
  sourceId: string;
  start: number;
  end: number;
  /** The quote, cut around its first match when long ("…" where cut). */
  snippet: string;
  /** Where the matched words are in `snippet`, in UTF-16 code units. */
  marks: Span[];
  /** The relations citing the quote (at most 20), those whose ends it names first. */
  relations: PassageRelationOut[];
}

const params = z.object({
  q: z
    .string()
    .max(QUERY_MAX)
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character'),
  limit: z.coerce.number().int().min(1).max(RESULTS_MAX).default(10),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
});

/** Spans of the marked words in `exact`, from ts_headline's copy of it; null if the copy is not `exact`. */
export function marksFromHeadline(exact: string, marked: string): Span[] | null {
  const marks: Span[] = [];
  let plain = 0;
  let open = -1;
  let copy = '';
  // eslint-disable-next-line no-control-regex -- the two controls are ts_headline's marks, chosen for it
  for (const part of marked.split(/([\u0001\u0002])/)) {
    if (part === OPEN) open = plain;
    else if (part === CLOSE) {
      if (open >= 0 && plain > open) marks.push({ start: open, end: plain });
      open = -1;
    } else {
      copy += part;
      plain += part.length;
    }
  }
  return copy === exact ? marks : null;
}

interface RelationRow {
  id: string;
  source: string;
  target: string;
  source_names: string[];
  target_names: string[];
  type: string;
  status: number;
  relation_type: RelationTypeRow | null;
}

/** Spans sorted by start, overlapping ones merged: the words typed and the words stemmed, marked once. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The passages for `text` in dataset version `version`, best first; none when no word is long enough. */
export async function searchPassages(
  db: Db,
  version: number,
  text: string,
  limit: number,
): Promise<PassageOut[]> {
  const query = passageQuery(text);
  if (!query) return [];
  const hits = await searchPassageQuotes(db, version, query, limit);
  if (hits.length === 0) return [];
  const headlines = await db.query<{ id: string; marked: string }>(
    `SELECT q.id, ts_headline('${ENGLISH}', q.exact, plainto_tsquery('${ENGLISH}', $2), $3) AS marked
       FROM tl_quotes q WHERE q.version = $1 AND q.id = ANY($4::text[])`,
    [version, query.whole, HEADLINE_OPTIONS, hits.map((h) => h.id)],
  );
  const rows = await db.query<RelationRow>(
    `SELECT r.id, s.id AS source, t.id AS target, r.type, r.status,
            array_prepend(s.name, coalesce(s.aliases, '{}')) AS source_names,
            array_prepend(t.name, coalesce(t.aliases, '{}')) AS target_names,
            (SELECT to_jsonb(rt) FROM tl_relation_types rt WHERE rt.version = r.version AND rt.id = r.type)
              AS relation_type
       FROM tl_relations r
       JOIN tl_entities s ON s.version = r.version AND s.row = r.source
       JOIN tl_entities t ON t.version = r.version AND t.row = r.target
      WHERE r.version = $1 AND r.id = ANY($2::text[])`,
    [version, [...new Set(hits.flatMap((h) => h.relations))]],
  );
  const marked = new Map(headlines.map((h) => [h.id, h.marked]));
  const relations = new Map(rows.map((r) => [r.id, r]));
  const typed = [...new Set(wordsOf(text))];
  return hits.map((hit) => {
    // A copy that is not the quote (it never should be) leaves the words as typed, as in memory.
    const stemmed = marksFromHeadline(hit.exact, marked.get(hit.id) ?? '') ?? [];
    const cut = snippetAround(hit.exact, mergeSpans([...matchesIn(hit.exact, typed), ...stemmed]));
    const cited = hit.relations.flatMap((id) => relations.get(id) ?? []);
    return {
      quote: hit.id,
      sourceId: hit.sourceId,
      start: hit.start,
      end: hit.end,
      ...cut,
      relations: byMentionOf(hit.exact, cited, (r) => [r.source_names, r.target_names]).map((r) => {
        const status = statusName(r.status);
        const type = r.relation_type ? relationTypeOf(r.relation_type) : undefined;
        return {
          id: r.id,
          source: r.source,
          target: r.target,
          type: r.type,
          status,
          sentence: statement({
            status,
            source: r.source_names[0]!,
            verb: relationVerb(type, r.type),
            target: r.target_names[0]!,
          }),
        };
      }),
    };
  });
}

/** `GET /datasets/:dataset/search/passages?q=&limit=&version=`. */
export function createPassagesApi(db: Db): Hono {
  const api = new Hono();
  api.get('/datasets/:dataset/search/passages', async (c) => {
    const query = params.safeParse(c.req.query());
    if (!query.success) {
      const issue = query.error.issues[0]!;
      return c.json({ error: `${issue.path.join('.') || 'request'}: ${issue.message}` }, 400);
    }
    const dataset = c.req.param('dataset');
    try {
      const version = await resolveVersion(db, dataset, query.data.version);
      if (version === null) return c.json({ error: `No dataset ${dataset} (or not that version)` }, 404);
      return c.json({ passages: await searchPassages(db, version, query.data.q, query.data.limit) });
    } catch (e) {
      if (e instanceof DbUnavailableError || isUnavailable(e))
        return c.json({ error: `The database is unavailable: ${(e as Error).message}` }, 503);
      throw e;
    }
  });
  return api;
}
