/**
 * Full-text search over what was said: quotes, the paragraphs of the source texts, entity descriptions and
 * relation notes. The index is typed arrays and one sorted array of words, built in one pass over the texts:
 *
 * - passages are numbered best first (firmer kind of passage, then fewer words), so the first passages
 *   found that hold every word of a query are its best answers, and a query stops as soon as it has them;
 * - each word lists its passages ascending (postings), read from the start by the query's rarest word;
 * - each passage lists its words ascending (by their place in the sorted words), so whether it holds a
 *   word, or any word with a prefix, is one binary search, however common the word or wide the prefix.
 */
import type { ModelData } from '../core/model-data';
import type { EntityRecord } from '../format/schema';
import { TermTable, readTerms } from './passage-terms';

/** What a passage is; the order is also the tie-break in ranking, firmer evidence first. */
export const PASSAGE_KINDS = ['quote', 'note', 'description', 'paragraph'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/**
 * What the index reads: the texts of a dataset without the rest of its model, which is all a search worker
 * needs to be sent (entity records and ids stay on the thread that shows the results).
 */
export interface PassageSource {
  /** Source texts, by source row; null until a compact dataset's evidence arrives. */
  texts: string[] | null;
  quotes: { source: Int32Array; start: Int32Array; end: Int32Array } | null;
  /** Entity descriptions, by entity row. */
  descriptions: string[];
  /** Relation notes, by relation row. */
  notes: ReadonlyMap<number, string>;
  /** The relations' evidence as the model holds it: quotes of relation r are evidence[evidenceStart[r] ..]. */
  evidenceStart: Int32Array;
  evidence: Int32Array;
  quoteCount: number;
}

export interface PassageIndex {
  /** Per passage: index into PASSAGE_KINDS. */
  kind: Uint8Array;
  /** Per passage: the quote, relation, entity or source it belongs to, as a row of its column. */
  ref: Int32Array;
  /** Per passage: its span in its source text (quotes and paragraphs); -1 otherwise. */
  start: Int32Array;
  end: Int32Array;
  /** Per passage: how many distinct words it has. */
  length: Uint16Array;
  /** Every word said, sorted (UTF-16 order, as `<` compares). */
  terms: string[];
  /** Passages holding `terms[t]` are postings[termStart[t]] up to postings[termStart[t + 1]], ascending. */
  termStart: Int32Array;
  postings: Int32Array;
  /** The words of passage p are passageTerms[passageTermStart[p]] up to [p + 1], as ascending term ids. */
  passageTermStart: Int32Array;
  passageTerms: Int32Array;
  /** The relations citing quote q are quoteRelations[quoteRelationStart[q]] up to [q + 1]. */
  quoteRelationStart: Int32Array;
  quoteRelations: Int32Array;
}

/** Descriptions by entity column: made once, not on every query of a large dataset. */
const descriptionsOf = new WeakMap<readonly EntityRecord[], string[]>();

export function passageSourceOf(data: ModelData): PassageSource {
  const ev = data.evidence;
  let descriptions = descriptionsOf.get(data.entities);
  if (!descriptions) {
    descriptions = data.entities.map((e) => e.description);
    descriptionsOf.set(data.entities, descriptions);
  }
  return {
    texts: ev?.texts ?? null,
    quotes: ev ? { source: ev.quotes.source, start: ev.quotes.start, end: ev.quotes.end } : null,
    descriptions,
    notes: data.relations.note,
    evidenceStart: data.relations.evidenceStart,
    evidence: data.relations.evidence,
    quoteCount: data.quoteIds.length,
  };
}

/** The text of passage `p`. */
export function passageText(source: PassageSource, index: PassageIndex, p: number): string {
  const ref = index.ref[p]!;
  switch (PASSAGE_KINDS[index.kind[p]!]!) {
    case 'quote':
      return source.texts![source.quotes!.source[ref]!]!.slice(index.start[p]!, index.end[p]!);
    case 'paragraph':
      return source.texts![ref]!.slice(index.start[p]!, index.end[p]!);
    case 'note':
      return source.notes.get(ref) ?? '';
    case 'description':
      return source.descriptions[ref] ?? '';
  }
}

const SPACE = /\s/;

/** Paragraphs of a source text: runs of text between line breaks, trimmed; the article's unit of reading. */
export function paragraphsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < text.length;) {
    const next = text.indexOf('\n', at);
    const lineEnd = next < 0 ? text.length : next;
    let start = at;
    let end = lineEnd;
    while (start < end && SPACE.test(text[start]!)) start++;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
    at = lineEnd + 1;
  }
  return out;
}

/** A growable Int32Array: the build appends millions of numbers without a JavaScript array of them. */
class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = n;
  }
}

/** Passages as read, in reading order: their fields and their distinct words, before they are ranked. */
class Reader {
  readonly terms = new TermTable();
  readonly kind = new IntList();
  readonly ref = new IntList();
  readonly start = new IntList();
  readonly end = new IntList();
  readonly length = new IntList();
  /** The distinct term ids of passage p (reading order) are words[wordStart[p]] up to [p + 1]. */
  readonly words = new IntList();
  readonly wordStart = new IntList();
  /** The last passage each term was counted for: a passage lists a word once. */
  private lastSeen = new Int32Array(1 << 16).fill(-1);
  private current = -1;
  private readonly onTerm = (id: number) => {
    if (id >= this.lastSeen.length) {
      const grown = new Int32Array(Math.max(id + 1, this.lastSeen.length * 2)).fill(-1);
      grown.set(this.lastSeen);
      this.lastSeen = grown;
    }
    if (this.lastSeen[id] === this.current) return;
    this.lastSeen[id] = this.current;
    this.words.push(id);
  };

  constructor() {
    this.wordStart.push(0);
  }

  add(kind: PassageKind, ref: number, text: string, start: number, end: number, span: boolean): void {
    const before = this.words.length;
    this.current = this.kind.length;
    readTerms(this.terms, text, start, end, this.onTerm);
    const distinct = this.words.length - before;
    if (distinct === 0) return;
    this.kind.push(PASSAGE_KINDS.indexOf(kind));
    this.ref.push(ref);
    this.start.push(span ? start : -1);
    this.end.push(span ? end : -1);
    this.length.push(Math.min(distinct, 65_535));
    this.wordStart.push(this.words.length);
  }
}

/**
 * Reading order to rank order: firmer kinds and shorter passages first. The cost of a passage's length
 * against its kind is the ranking the search had when it scored each match; as a score of the passage
 * alone it can be fixed once here, and a counting sort over (kind, length) keeps equal passages in
 * reading order.
 */
function rankOrder(kind: Int32Array, length: Int32Array, n: number): Int32Array {
  const key = (k: number, len: number) => k * 65_536 + len;
  const count = new Int32Array(PASSAGE_KINDS.length * 65_536);
  for (let p = 0; p < n; p++) count[key(kind[p]!, length[p]!)]!++;
  const keys: number[] = [];
  count.forEach((c, k) => {
    if (c > 0) keys.push(k);
  });
  const score = (k: number) => -0.15 * Math.log(1 + (k % 65_536)) - 0.3 * Math.floor(k / 65_536);
  keys.sort((a, b) => score(b) - score(a) || a - b);
  let next = 0;
  for (const k of keys) {
    const c = count[k]!;
    count[k] = next;
    next += c;
  }
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) order[count[key(kind[p]!, length[p]!)]!++] = p;
  return order;
}

/** Sorts a[from, to) ascending: a passage's few dozen words, where insertion sort beats a call to sort. */
function sortRange(a: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Indexes everything a dataset says; quotes and paragraphs only once its evidence is loaded. */
export function indexPassages(data: ModelData): PassageIndex {
  return indexPassageSource(passageSourceOf(data));
}

export function indexPassageSource(source: PassageSource): PassageIndex {
  const r = new Reader();
  const { texts, quotes } = source;
  if (texts && quotes) {
    for (let q = 0; q < quotes.source.length; q++)
      r.add('quote', q, texts[quotes.source[q]!]!, quotes.start[q]!, quotes.end[q]!, true);
    texts.forEach((text, s) => {
      for (const p of paragraphsOf(text)) r.add('paragraph', s, text, p.start, p.end, true);
    });
  }
  for (const [row, note] of source.notes) r.add('note', row, note, 0, note.length, false);
  source.descriptions.forEach((d, row) => r.add('description', row, d, 0, d.length, false));

  const n = r.kind.length;
  const order = rankOrder(r.kind.data, r.length.data, n);

  // Term ids in reading order to their place among the sorted words.
  const terms = r.terms.words.slice().sort();
  const place = new Int32Array(terms.length);
  for (let t = 0; t < terms.length; t++) place[r.terms.idOf(terms[t]!, false)] = t;

  const termStart = new Int32Array(terms.length + 1);
  const words = r.words.data;
  const wordStart = r.wordStart.data;
  const total = r.words.length;
  for (let i = 0; i < total; i++) termStart[place[words[i]!]! + 1]!++;
  for (let t = 0; t < terms.length; t++) termStart[t + 1]! += termStart[t]!;

  const fill = termStart.slice(0, terms.length);
  const postings = new Int32Array(total);
  const passageTermStart = new Int32Array(n + 1);
  const passageTerms = new Int32Array(total);
  const kind = new Uint8Array(n);
  const ref = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const length = new Uint16Array(n);
  let at = 0;
  for (let p = 0; p < n; p++) {
    const was = order[p]!;
    kind[p] = r.kind.data[was]!;
    ref[p] = r.ref.data[was]!;
    start[p] = r.start.data[was]!;
    end[p] = r.end.data[was]!;
    length[p] = r.length.data[was]!;
    passageTermStart[p] = at;
    for (let i = wordStart[was]!; i < wordStart[was + 1]!; i++) {
      const t = place[words[i]!]!;
      // Passages are visited in rank order, so every word's postings come out ascending.
      postings[fill[t]!++] = p;
      passageTerms[at++] = t;
    }
    sortRange(passageTerms, passageTermStart[p]!, at);
  }
  passageTermStart[n] = at;

  return {
    kind,
    ref,
    start,
    end,
    length,
    terms,
    termStart,
    postings,
    passageTermStart,
    passageTerms,
    ...citingRelations(source),
  };
}

/** Relations by the quotes they cite: the relation columns' evidence turned around. */
function citingRelations(source: PassageSource): {
  quoteRelationStart: Int32Array;
  quoteRelations: Int32Array;
} {
  const { evidenceStart, evidence, quoteCount } = source;
  const start = new Int32Array(quoteCount + 1);
  for (let j = 0; j < evidence.length; j++) start[evidence[j]! + 1]!++;
  for (let q = 0; q < quoteCount; q++) start[q + 1]! += start[q]!;
  const fill = start.slice(0, quoteCount);
  const relations = new Int32Array(evidence.length);
  for (let r = 0; r + 1 < evidenceStart.length; r++)
    for (let j = evidenceStart[r]!; j < evidenceStart[r + 1]!; j++) relations[fill[evidence[j]!]!++] = r;
  return { quoteRelationStart: start, quoteRelations: relations };
}
