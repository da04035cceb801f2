/**
 * Answers a full-text query over the passage index in two steps, so a worker can hold the index and only
 * the texts: findPassages gives rows, snippets and marks; describeMatches, on the thread that has the
 * model, turns rows into ids and orders a quote's relations.
 */
import type { ModelData } from '../core/model-data';
import {
  PASSAGE_KINDS,
  passageSourceOf,
  passageText,
  type PassageIndex,
  type PassageKind,
  type PassageSource,
} from './passage-index';
import { bestPassages, queryWords } from './passage-match';
import { phraseOf, wordsOf } from './search-text';

interface Span {
  start: number;
  end: number;
}

/** A passage found, by rows: what a search worker sends back. */
export interface PassageMatch {
  kind: PassageKind;
  /** The row of its quote, relation (note), entity (description) or source (paragraph). */
  ref: number;
  /** Its span in its source text (quotes and paragraphs); -1 otherwise. */
  start: number;
  end: number;
  /** Rows of the relations citing it (a quote), in the dataset's order. */
  relations: number[];
  snippet: string;
  marks: Span[];
}

export interface PassageHit {
  kind: PassageKind;
  /** The quote's, relation's (note), entity's (description) or source's (paragraph) id. */
  id: string;
  /** Where it sits in a source text, for quotes and paragraphs. */
  sourceId?: string;
  start?: number;
  end?: number;
  /** Relations it supports: those citing a quote, or the relation a note belongs to. */
  relations: string[];
  /**
   * Those relations in words (relation-wording.ts), in the same order, when the hit comes from a server
   * whose relations the partial model may not hold yet; a local hit words them from the model.
   */
  relationSentences?: string[];
  /** The matching part of its text, cut at word breaks, with "…" where cut. */
  snippet: string;
  /** Where the query's words are inside `snippet`. */
  marks: Span[];
}

/** Words of a query that count; more are ignored (they would only narrow an already narrow search). */
const MAX_WORDS = 7;
const SNIPPET = 180;
/** A query needs this many characters in some word before it searches: "a" matches everything. */
export const MIN_QUERY = 2;

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Offsets in `text` of the tokens that start with one of `words` (normalised as the index is): what a
 * snippet marks, here and in a server's answer (api-passages.ts).
 */
export function matchesIn(text: string, words: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const norm = wordsOf(m[0])[0] ?? '';
    if (words.some((w) => norm.startsWith(w))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A window of about SNIPPET characters around the first match, cut at spaces. */
export function snippetOf(text: string, words: readonly string[]): { snippet: string; marks: Span[] } {
  return snippetAround(text, matchesIn(text, words));
}

/**
 * `text` cut to about SNIPPET characters around the first of `marks` (spans in `text`, in order), at
 * spaces, with "…" where cut, and the marks that fall inside moved to the snippet's offsets. A server's
 * hit comes with marks found by the database's own stemming, and is cut here as a local one is.
 */
export function snippetAround(text: string, all: readonly Span[]): { snippet: string; marks: Span[] } {
  if (text.length <= SNIPPET) return { snippet: text, marks: [...all] };
  const first = all[0]?.start ?? 0;
  let from = Math.max(0, first - Math.floor(SNIPPET / 3));
  let to = Math.min(text.length, from + SNIPPET);
  from = Math.max(0, to - SNIPPET);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < first) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const snippet = lead + text.slice(from, to) + (to < text.length ? '…' : '');
  const marks = all
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + lead.length, end: m.end - from + lead.length }));
  return { snippet, marks };
}

/** The passages that hold every typed word (each starting a word of the passage), best first. */
export function findPassages(
  source: PassageSource,
  index: PassageIndex,
  query: string,
  limit = 8,
): PassageMatch[] {
  const typed = [...new Set(wordsOf(query))].slice(0, MAX_WORDS);
  if (limit <= 0 || !typed.some((w) => w.length >= MIN_QUERY)) return [];
  // A paragraph around a quote that matched says the same thing again and is skipped: ask for more than
  // the limit, so that skipping still leaves enough.
  const best = bestPassages(index, queryWords(index, typed), Math.min(limit * 4, 200));
  const out: PassageMatch[] = [];
  const quoted: Array<{ source: number; start: number; end: number }> = [];
  for (const p of best) {
    if (out.length >= limit) break;
    const kind = PASSAGE_KINDS[index.kind[p]!]!;
    const ref = index.ref[p]!;
    const start = index.start[p]!;
    const end = index.end[p]!;
    if (kind === 'paragraph' && quoted.some((q) => q.source === ref && q.start < end && start < q.end))
      continue;
    const relations: number[] = [];
    if (kind === 'quote') {
      quoted.push({ source: source.quotes!.source[ref]!, start, end });
      for (let j = index.quoteRelationStart[ref]!; j < index.quoteRelationStart[ref + 1]!; j++)
        relations.push(index.quoteRelations[j]!);
    }
    out.push({ kind, ref, start, end, relations, ...snippetOf(passageText(source, index, p), typed) });
  }
  return out;
}

/**
 * `items` with those whose two ends `text` names first (a name or alias, as whole words): the quote about
 * Eric Trump's funding "out of Russia" opens that relation before "Eric Trump child of Donald Trump",
 * which cites it too. `ends` gives an item's two ends as their names and aliases. The order is stable.
 */
export function byMentionOf<T>(
  text: string,
  items: readonly T[],
  ends: (item: T) => readonly [readonly string[], readonly string[]],
): T[] {
  const phrase = ` ${phraseOf(text)} `;
  const names = (all: readonly string[]) => all.some((n) => phrase.includes(` ${phraseOf(n)} `));
  const score = new Map(items.map((item) => [item, ends(item).filter(names).length]));
  return [...items].sort((a, b) => score.get(b)! - score.get(a)!);
}

/** A quote's relations (rows), those whose ends the quote names first. */
function byMention(data: ModelData, rows: number[], text: string): number[] {
  const { source, target } = data.relations;
  const names = (entity: number) => {
    const e = data.entities[entity];
    return e ? [e.name, ...(e.aliases ?? [])] : [];
  };
  return byMentionOf(text, rows, (r) => [names(source[r]!), names(target[r]!)]);
}

/** Rows to ids, on the thread that holds the model. */
export function describeMatches(data: ModelData, matches: readonly PassageMatch[]): PassageHit[] {
  return matches.map((m) => {
    const hit: PassageHit = { kind: m.kind, id: '', relations: [], snippet: m.snippet, marks: m.marks };
    if (m.kind === 'quote') {
      const ev = data.evidence!;
      const source = ev.quotes.source[m.ref]!;
      hit.id = data.quoteIds[m.ref]!;
      hit.sourceId = data.sources[source]!.id;
      hit.start = m.start;
      hit.end = m.end;
      const text = ev.texts[source]!.slice(m.start, m.end);
      hit.relations = byMention(data, m.relations, text).map((r) => data.relations.id[r]!);
    } else if (m.kind === 'paragraph') {
      hit.id = data.sources[m.ref]!.id;
      hit.sourceId = hit.id;
      hit.start = m.start;
      hit.end = m.end;
    } else if (m.kind === 'note') {
      hit.id = data.relations.id[m.ref]!;
      hit.relations.push(hit.id);
    } else hit.id = data.entities[m.ref]!.id;
    return hit;
  });
}

export function searchPassages(data: ModelData, index: PassageIndex, query: string, limit = 8): PassageHit[] {
  return describeMatches(data, findPassages(passageSourceOf(data), index, query, limit));
}
