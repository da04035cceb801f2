/**
 * Frozen copy of the full-text search before the typed-array index (commit 9788d55), kept only so the
 * bench can measure it beside the current one in the same run; the app never imports it.
 *
 * Full-text search over what was said: quotes, the paragraphs of the source texts, entity descriptions and
 * relation notes. The index holds sorted arrays and typed columns only, so a worker builds it from the
 * model's columns and answers queries without any record being built.
 */
import type { ModelData } from '../../../src/model/core/model-data';
import { wordsOf } from '../../../src/model/search/search-text';

/** What a passage is; the order is also the tie-break in ranking, firmer evidence first. */
export const PASSAGE_KINDS = ['quote', 'note', 'description', 'paragraph'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

export interface PassageIndex {
  /** Per passage: index into PASSAGE_KINDS. */
  kind: Uint8Array;
  /** Per passage: the quote, relation, entity or source it belongs to, as a row of its column. */
  ref: Int32Array;
  /** Per passage: its span in its source text (quotes and paragraphs); -1 otherwise. */
  start: Int32Array;
  end: Int32Array;
  /** Per passage: how many distinct words it has (shorter passages that match rank higher). */
  length: Uint16Array;
  terms: string[];
  /** Passages holding `terms[t]` are postings[termStart[t]] up to postings[termStart[t + 1]], ascending. */
  termStart: Int32Array;
  postings: Int32Array;
  /** The relations citing quote q are quoteRelations[quoteRelationStart[q]] up to [q + 1]. */
  quoteRelationStart: Int32Array;
  quoteRelations: Int32Array;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Paragraphs of a source text: runs of text between line breaks, trimmed; the article's unit of reading. */
export function paragraphsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

class Builder {
  readonly kind: number[] = [];
  readonly ref: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly length: number[] = [];
  readonly lists = new Map<string, number[]>();

  add(kind: PassageKind, ref: number, text: string, start = -1, end = -1): void {
    const doc = this.kind.length;
    const words = new Set(wordsOf(text));
    if (words.size === 0) return;
    this.kind.push(PASSAGE_KINDS.indexOf(kind));
    this.ref.push(ref);
    this.start.push(start);
    this.end.push(end);
    this.length.push(Math.min(words.size, 65_535));
    for (const w of words) {
      const list = this.lists.get(w);
      if (list) list.push(doc);
      else this.lists.set(w, [doc]);
    }
  }

  finish(citing: { start: Int32Array; relations: Int32Array }): PassageIndex {
    const terms = [...this.lists.keys()].sort(byString);
    const termStart = new Int32Array(terms.length + 1);
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      termStart[t] = total;
      total += this.lists.get(terms[t]!)!.length;
    }
    termStart[terms.length] = total;
    const postings = new Int32Array(total);
    for (let t = 0; t < terms.length; t++) postings.set(this.lists.get(terms[t]!)!, termStart[t]!);
    return {
      kind: Uint8Array.from(this.kind),
      ref: Int32Array.from(this.ref),
      start: Int32Array.from(this.start),
      end: Int32Array.from(this.end),
      length: Uint16Array.from(this.length),
      terms,
      termStart,
      postings,
      quoteRelationStart: citing.start,
      quoteRelations: citing.relations,
    };
  }
}

/** Indexes everything a dataset says; quotes and paragraphs only once its evidence is loaded. */
export function indexPassages(data: ModelData): PassageIndex {
  const b = new Builder();
  const evidence = data.evidence;
  if (evidence) {
    const q = evidence.quotes;
    for (let i = 0; i < q.source.length; i++) {
      const text = evidence.texts[q.source[i]!]!;
      b.add('quote', i, text.slice(q.start[i]!, q.end[i]!), q.start[i]!, q.end[i]!);
    }
    evidence.texts.forEach((text, s) => {
      for (const p of paragraphsOf(text)) b.add('paragraph', s, text.slice(p.start, p.end), p.start, p.end);
    });
  }
  for (const [r, note] of data.relations.note) b.add('note', r, note);
  data.entities.forEach((e, i) => b.add('description', i, e.description));
  return b.finish(citingRelations(data));
}

/** Relations by the quotes they cite: the relation columns' evidence turned around. */
function citingRelations(data: ModelData): { start: Int32Array; relations: Int32Array } {
  const { evidenceStart, evidence } = data.relations;
  const quotes = data.quoteIds.length;
  const start = new Int32Array(quotes + 1);
  for (let j = 0; j < evidence.length; j++) start[evidence[j]! + 1] = start[evidence[j]! + 1]! + 1;
  for (let q = 0; q < quotes; q++) start[q + 1] = start[q + 1]! + start[q]!;
  const fill = start.slice(0, quotes);
  const relations = new Int32Array(evidence.length);
  for (let r = 0; r + 1 < evidenceStart.length; r++)
    for (let j = evidenceStart[r]!; j < evidenceStart[r + 1]!; j++) {
      const q = evidence[j]!;
      relations[fill[q]!] = r;
      fill[q] = fill[q]! + 1;
    }
  return { start, relations };
}
