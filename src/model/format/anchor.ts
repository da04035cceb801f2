/** Anchors W3C TextQuoteSelectors (exact + optional prefix/suffix) in a source text. */
import { indexOccurrences } from './occurrence-index';

export type AnchorResult =
  { ok: true; start: number; end: number } | { ok: false; reason: 'not-found' | 'ambiguous'; count: number };

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Finds the single occurrence of `exact` that the prefix and suffix (when given) pick out. */
export function anchorQuote(text: string, exact: string, prefix?: string, suffix?: string): AnchorResult {
  return pick(text, occurrences(text, exact), { exact, prefix, suffix });
}

/**
 * Anchors many quotes in one text, as `anchorQuote` would one by one, but indexing the text once for all
 * of them: a scan per quote makes a validator quadratic in the size of a dataset.
 */
export function anchorQuotes(text: string, selectors: readonly QuoteSelector[]): AnchorResult[] {
  const index = indexOccurrences(
    text,
    selectors.map((s) => s.exact),
  );
  return selectors.map((s, i) => pick(text, index.occurrences(i), s));
}

/** Of all the places `exact` occurs, the one its prefix and suffix leave, if exactly one is left. */
function pick(text: string, all: readonly number[], { exact, prefix, suffix }: QuoteSelector): AnchorResult {
  const hits =
    prefix === undefined && suffix === undefined
      ? all
      : all.filter(
          (i) =>
            (prefix === undefined || text.slice(Math.max(0, i - prefix.length), i) === prefix) &&
            (suffix === undefined || text.startsWith(suffix, i + exact.length)),
        );
  if (hits.length === 1) return { ok: true, start: hits[0]!, end: hits[0]! + exact.length };
  return { ok: false, reason: hits.length === 0 ? 'not-found' : 'ambiguous', count: hits.length };
}

/** The sentence (or caption line) around [start, end), for showing a quote in context. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  // Closing quotation marks after the previous sentence's full stop belong to that sentence.
  while (s < start && /[\s”"’)]/.test(text[s]!)) s++;
  let e = end;
  // A quote that ends its own sentence needs no text after it.
  if (!/[.!?]$/.test(text.slice(start, end))) while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  while (e < text.length && /[.!?”"’)]/.test(text[e]!)) e++;
  return { start: s, end: e };
}
