/**
 * Frozen copy of the full-text search before the typed-array index (commit 9788d55), kept only so the
 * bench can measure it beside the current one in the same run; the app never imports it.
 *
 * Answers a full-text query over the passage index: every typed word must start a word of the passage;
 * matches are scored by how rare their words are, firmer kinds of passage and shorter passages first.
 */
import type { ModelData } from '../../../src/model/core/model-data';
import { PASSAGE_KINDS, type PassageIndex, type PassageKind } from './passage-index';
import { phraseOf, wordsOf } from '../../../src/model/search/search-text';
import { prefixRange } from '../../../src/model/search/sorted-range';

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
  /** The matching part of its text, cut at word breaks, with "…" where cut. */
  snippet: string;
  /** Where the query's words are inside `snippet`. */
  marks: Array<{ start: number; end: number }>;
}

/** Candidates scored per query, at most: bounds a query's work whatever it matches. */
const SCAN = 5_000;
/** Words of a query that count; more are ignored (they would only narrow an already narrow search). */
const MAX_WORDS = 7;
/**
 * A word whose prefix matches more postings than this is checked against candidates' text instead, and
 * then fewer candidates are looked at: marking a million postings takes a few milliseconds, reading the
 * text of thousands of passages takes hundreds.
 */
const SET_LIMIT = 1_000_000;
const TEXT_SCAN = 300;
const SNIPPET = 180;
/** A query needs this many characters in some word before it searches: "a" matches everything. */
export const MIN_QUERY = 2;

interface Word {
  word: string;
  from: number;
  to: number;
  count: number;
  /** Whether the word's postings are few enough to intersect; else candidates' text is checked. */
  listed: boolean;
  idf: number;
}

/** Marks per passage, reused between queries of one index; each query gets a base above every older mark. */
const scratchOf = new WeakMap<PassageIndex, { marks: Int32Array; next: number }>();

function scratch(index: PassageIndex, levels: number): { marks: Int32Array; base: number } {
  let s = scratchOf.get(index);
  if (!s || s.next + levels >= 2 ** 31) {
    s = { marks: new Int32Array(index.kind.length), next: 1 };
    scratchOf.set(index, s);
  }
  const base = s.next;
  s.next += levels;
  return { marks: s.marks, base };
}

/** The text of passage `p`, from the same data the index was built from. */
export function passageText(data: ModelData, index: PassageIndex, p: number): string {
  const ref = index.ref[p]!;
  switch (PASSAGE_KINDS[index.kind[p]!]!) {
    case 'quote': {
      const ev = data.evidence!;
      return ev.texts[ev.quotes.source[ref]!]!.slice(index.start[p]!, index.end[p]!);
    }
    case 'paragraph':
      return data.evidence!.texts[ref]!.slice(index.start[p]!, index.end[p]!);
    case 'note':
      return data.relations.note.get(ref) ?? '';
    case 'description':
      return data.entities[ref]?.description ?? '';
  }
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Offsets in `text` of the tokens that start with one of `words` (normalised as the index is). */
function matchesIn(text: string, words: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(TOKEN)) {
    const norm = wordsOf(m[0])[0] ?? '';
    if (words.some((w) => norm.startsWith(w))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A window of about SNIPPET characters around the first match, cut at spaces. */
export function snippetOf(
  text: string,
  words: readonly string[],
): { snippet: string; marks: Array<{ start: number; end: number }> } {
  const all = matchesIn(text, words);
  if (text.length <= SNIPPET) return { snippet: text, marks: all };
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

/** Whether the text names the entity: its name or one of its aliases, as whole words. */
function names(data: ModelData, entity: number, phrase: string): boolean {
  const e = data.entities[entity];
  return !!e && [e.name, ...(e.aliases ?? [])].some((n) => phrase.includes(` ${phraseOf(n)} `));
}

/**
 * A quote's relations, those whose ends the quote names first: the quote about Eric Trump's funding
 * "out of Russia" opens that relation before "Eric Trump child of Donald Trump", which cites it too.
 */
function byMention(data: ModelData, rows: number[], text: string): number[] {
  const phrase = ` ${phraseOf(text)} `;
  const { source, target } = data.relations;
  const score = new Map(
    rows.map((r) => [r, Number(names(data, source[r]!, phrase)) + Number(names(data, target[r]!, phrase))]),
  );
  return rows.sort((a, b) => score.get(b)! - score.get(a)!);
}

export function searchPassages(data: ModelData, index: PassageIndex, query: string, limit = 8): PassageHit[] {
  const typed = [...new Set(wordsOf(query))].slice(0, MAX_WORDS);
  if (limit <= 0 || !typed.some((w) => w.length >= MIN_QUERY)) return [];
  const docsTotal = Math.max(1, index.kind.length);
  const words: Word[] = typed.map((word) => {
    const [from, to] = prefixRange(index.terms, word);
    const count = index.termStart[to]! - index.termStart[from]!;
    const listed = count <= SET_LIMIT;
    return { word, from, to, count, listed, idf: Math.log(1 + docsTotal / Math.max(1, count)) };
  });
  if (words.some((w) => w.count === 0)) return [];
  words.sort((a, b) => a.count - b.count);
  const [driver, ...others] = words as [Word, ...Word[]];
  const listed = others.filter((w) => w.listed);
  const unlisted = others.filter((w) => !w.listed);

  // Intersection by counting, on a scratch column kept with the index: a passage's mark says how many of
  // the listed words it holds in this query (marks of earlier queries are below this query's base).
  const { marks, base } = scratch(index, listed.length + 2);
  const level = (doc: number) => (marks[doc]! >= base ? marks[doc]! - base : 0);
  listed.forEach((w, i) => {
    for (let p = index.termStart[w.from]!; p < index.termStart[w.to]!; p++) {
      const doc = index.postings[p]!;
      if (level(doc) === i) marks[doc] = base + i + 1;
    }
  });
  const seen = listed.length + 1;

  const wanted = Math.min(limit * 4, 200);
  const best: Array<{ doc: number; score: number }> = [];
  const offer = (doc: number, score: number) => {
    if (best.length >= wanted && score <= best[best.length - 1]!.score) return;
    let i = best.length;
    while (i > 0 && best[i - 1]!.score < score) i--;
    best.splice(i, 0, { doc, score });
    if (best.length > wanted) best.pop();
  };
  const rarity = words.reduce((n, w) => n + w.idf, 0);

  let budget = unlisted.length > 0 ? TEXT_SCAN : SCAN;
  for (let t = driver.from; t < driver.to && budget > 0; t++) {
    for (let p = index.termStart[t]!; p < index.termStart[t + 1]! && budget > 0; p++) {
      const doc = index.postings[p]!;
      // Holds every listed word, and was not visited already under another term of the driver's prefix.
      if (level(doc) !== listed.length) continue;
      marks[doc] = base + seen;
      budget--;
      if (unlisted.length > 0) {
        const text = wordsOf(passageText(data, index, doc));
        if (!unlisted.every((w) => text.some((x) => x.startsWith(w.word)))) continue;
      }
      offer(doc, rarity - 0.15 * Math.log(1 + index.length[doc]!) - 0.3 * index.kind[doc]!);
    }
  }

  const hits: PassageHit[] = [];
  const quoted: Array<{ source: number; start: number; end: number }> = [];
  for (const { doc } of best) {
    if (hits.length >= limit) break;
    const kind = PASSAGE_KINDS[index.kind[doc]!]!;
    const ref = index.ref[doc]!;
    const start = index.start[doc]!;
    const end = index.end[doc]!;
    // A paragraph around a quote that matched says the same thing again; the quote is the better answer.
    if (kind === 'paragraph' && quoted.some((q) => q.source === ref && q.start < end && start < q.end))
      continue;
    const { snippet, marks } = snippetOf(passageText(data, index, doc), typed);
    const hit: PassageHit = { kind, id: '', relations: [], snippet, marks };
    if (kind === 'quote') {
      const source = data.evidence!.quotes.source[ref]!;
      quoted.push({ source, start, end });
      hit.id = data.quoteIds[ref]!;
      hit.sourceId = data.sources[source]!.id;
      hit.start = start;
      hit.end = end;
      const rows: number[] = [];
      for (let j = index.quoteRelationStart[ref]!; j < index.quoteRelationStart[ref + 1]!; j++)
        rows.push(index.quoteRelations[j]!);
      hit.relations = byMention(data, rows, passageText(data, index, doc)).map((r) => data.relations.id[r]!);
    } else if (kind === 'paragraph') {
      hit.id = data.sources[ref]!.id;
      hit.sourceId = hit.id;
      hit.start = start;
      hit.end = end;
    } else if (kind === 'note') {
      hit.id = data.relations.id[ref]!;
      hit.relations.push(hit.id);
    } else hit.id = data.entities[ref]!.id;
    hits.push(hit);
  }
  return hits;
}
