/**
 * The passages holding every word of a query, best first. Every typed word must start a word of the
 * passage. The rarest word leads: its passages are read in rank order and each is checked for the other
 * words in its own word list, and the reading stops once the best `wanted` are known; a query's work is
 * bounded by that, by the rarest word's postings, and at worst by CHECK_LIMIT, never by how common the
 * other words are or how many words a short prefix stands for.
 */
import type { PassageIndex } from './passage-index';
import { prefixRange } from './sorted-range';

export interface QueryWord {
  word: string;
  /** The sorted terms starting with the word are terms[from] up to terms[to]. */
  from: number;
  to: number;
  /** Postings of those terms: the most passages that can hold the word. */
  count: number;
}

/**
 * Passages checked for the other words at most, per query: only two common words that are rarely said
 * together reach it (a few milliseconds' work), and then the best of those checked are returned.
 */
export const CHECK_LIMIT = 200_000;

export function queryWords(index: PassageIndex, words: readonly string[]): QueryWord[] {
  return words
    .map((word) => {
      const [from, to] = prefixRange(index.terms, word);
      return { word, from, to, count: index.termStart[to]! - index.termStart[from]! };
    })
    .sort((a, b) => a.count - b.count);
}

/** Whether passage p holds a term of [from, to): one binary search in its ascending term ids. */
function holds(index: PassageIndex, p: number, from: number, to: number): boolean {
  const terms = index.passageTerms;
  let lo = index.passageTermStart[p]!;
  const end = index.passageTermStart[p + 1]!;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && terms[lo]! < to;
}

/** A stamp per passage, kept with the index: a passage reached under two terms of a prefix is checked once. */
const stamps = new WeakMap<PassageIndex, { seen: Int32Array; query: number }>();

function nextStamp(index: PassageIndex): { seen: Int32Array; query: number } {
  let s = stamps.get(index);
  if (!s || s.query === 0x7fffffff) {
    s = { seen: new Int32Array(index.kind.length), query: 0 };
    stamps.set(index, s);
  }
  s.query++;
  return s;
}

/** The first position from `at` in postings[at, end) holding a passage ≥ p: galloping, then binary search. */
function gallop(postings: Int32Array, at: number, end: number, p: number): number {
  if (at >= end || postings[at]! >= p) return at;
  let lo = at;
  let step = 1;
  while (lo + step < end && postings[lo + step]! < p) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(end, lo + step);
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A word standing for at most this many terms is checked by walking their postings (see bestPassages). */
const WALKED_TERMS = 8;

/** The best `wanted` passages holding every word (sorted rarest first), ascending: best first. */
export function bestPassages(index: PassageIndex, words: readonly QueryWord[], wanted: number): Int32Array {
  if (wanted <= 0 || words.length === 0 || words.some((w) => w.count === 0)) return new Int32Array(0);
  const [lead, ...rest] = words as [QueryWord, ...QueryWord[]];
  const { termStart, postings } = index;
  const { seen, query } = nextStamp(index);
  // A word of a few terms is checked by walking their postings beside the lead's, all ascending: memory
  // read in order, where looking into each passage's own words jumps around a large array. A wider prefix
  // (the word being typed, cut short) is looked up in the passage's words instead, and last, once the
  // cheaper checks have turned most passages away.
  const isWalked = (w: QueryWord) => w.to - w.from <= WALKED_TERMS;
  const others = [...rest.filter(isWalked), ...rest.filter((w) => !isWalked(w))];
  const walked = others.map(isWalked);
  const walks = others.reduce((n, w, k) => n + (walked[k] ? w.to - w.from : 0), 0);
  const cursor = new Int32Array(walks);
  const best = new Int32Array(wanted);
  let found = 0;
  // Passages from `cutoff` on cannot enter the best any more.
  let cutoff = 0x7fffffff;
  let checks = CHECK_LIMIT;
  for (let t = lead.from; t < lead.to && checks > 0; t++) {
    let c = 0;
    for (let k = 0; k < others.length; k++)
      if (walked[k]) for (let u = others[k]!.from; u < others[k]!.to; u++) cursor[c++] = termStart[u]!;
    scan: for (let i = termStart[t]!; i < termStart[t + 1]!; i++) {
      const p = postings[i]!;
      if (p >= cutoff) break;
      if (seen[p] === query) continue;
      seen[p] = query;
      if (--checks < 0) break;
      c = 0;
      for (let k = 0; k < others.length; k++) {
        const w = others[k]!;
        if (!walked[k]) {
          if (!holds(index, p, w.from, w.to)) continue scan;
          continue;
        }
        let has = false;
        let left = false;
        for (let u = w.from; u < w.to; u++, c++) {
          const end = termStart[u + 1]!;
          const at = gallop(postings, cursor[c]!, end, p);
          cursor[c] = at;
          if (at < end) {
            left = true;
            if (postings[at] === p) has = true;
          }
        }
        // The word has no passage from p on: nothing further in this term's postings can match.
        if (!left) break scan;
        if (!has) continue scan;
      }
      // Insert in order; when full, the last drops out and the cutoff moves down to the new last.
      let j = found < wanted ? found++ : wanted - 1;
      while (j > 0 && best[j - 1]! > p) {
        best[j] = best[j - 1]!;
        j--;
      }
      best[j] = p;
      if (found === wanted) cutoff = best[wanted - 1]!;
    }
  }
  return best.subarray(0, found);
}
