/**
 * "Said in the sources" on a server dataset: the server's full-text search over quotes (`…/search/passages`)
 * as the search box's passage hits, and the two entities a picked hit's relation needs loaded. The partial
 * model rarely holds the relations a hit backs, so the server words them; their ends, kept from the answer,
 * say what to fetch when one is picked (a relation from elsewhere is asked of `…/relations/{id}`).
 */
import { MIN_QUERY, type PassageHit } from '../../model/search/passage-search';
import { wordsOf } from '../../model/search/search-text';

interface PassageOut {
  quote: string;
  sourceId: string;
  start: number;
  end: number;
  snippet: string;
  marks: Array<{ start: number; end: number }>;
  relations: Array<{ id: string; source: string; target: string; sentence: string }>;
}

/** What the server source lends: its URLs, its cached GET, and a signal that cancels the older search. */
export interface PassagesDeps {
  url(path: string, query?: Record<string, string | number | undefined>): string;
  get<T>(href: string, signal: AbortSignal): Promise<T | null>;
  /** A fresh signal for a search, cancelling the one before it. */
  supersede(): AbortSignal;
}

export interface ServerPassages {
  /** The hits for `query`, best first; null when a newer search cancelled this one. */
  search(query: string, limit: number): Promise<PassageHit[] | null>;
  /** A relation's two entities; null when cancelled. */
  endsOf(relationId: string, signal: AbortSignal): Promise<string[] | null>;
}

/** The API's cap on search text: longer text is cut rather than refused. */
const QUERY_MAX = 200;

export function createServerPassages(deps: PassagesDeps): ServerPassages {
  const ends = new Map<string, [string, string]>();
  return {
    async search(query, limit) {
      const text = query.trim().slice(0, QUERY_MAX);
      // Too short to search, as in memory ("a" would match everything): the server would answer nothing.
      if (!wordsOf(text).some((w) => w.length >= MIN_QUERY)) return [];
      const answer = await deps.get<{ passages: PassageOut[] }>(
        deps.url('search/passages', { q: text, limit }),
        deps.supersede(),
      );
      if (!answer) return null;
      return answer.passages.map((p): PassageHit => {
        for (const r of p.relations) ends.set(r.id, [r.source, r.target]);
        return {
          kind: 'quote',
          id: p.quote,
          sourceId: p.sourceId,
          start: p.start,
          end: p.end,
          relations: p.relations.map((r) => r.id),
          relationSentences: p.relations.map((r) => r.sentence),
          snippet: p.snippet,
          marks: p.marks,
        };
      });
    },

    async endsOf(relationId, signal) {
      const known = ends.get(relationId);
      if (known) return [...known];
      const answer = await deps.get<{ relation: { source: string; target: string } }>(
        deps.url(`relations/${encodeURIComponent(relationId)}`),
        signal,
      );
      return answer && [answer.relation.source, answer.relation.target];
    },
  };
}
