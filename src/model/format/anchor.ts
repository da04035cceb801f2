/** Anchors W3C TextQuoteSelectors (exact + optional prefix/suffix) in a source text. */
import { indexOccurrences } from './occurrence-index';

export type AnchorResult =
  | { ok: true; start: number; end: number }
  /** "ambiguous" means two or more: the search stops at the second occurrence. */
  | { ok: false; reason: 'not-found' | 'ambiguous' };

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Finds the single occurrence of `exact` that the prefix and suffix (when given) pick out. */
export function anchorQuote(text: string, exact: string, prefix?: string, suffix?: string): AnchorResult {
  return anchorQuotes(text, [{ exact, prefix, suffix }])[0]!;
}

/**
 * Anchors many quotes in one text, indexing the text once for all of them: a scan per quote makes a
 * validator quadratic in the size of a dataset. A selector is searched as prefix + exact + suffix, the
 * text it requires, so a quote that occurs everywhere (repetitive text) with a prefix that picks one
 * is found without visiting every occurrence; and no quote is followed past its second occurrence.
 */
export function anchorQuotes(text: string, selectors: readonly QuoteSelector[]): AnchorResult[] {
  const index = indexOccurrences(
    text,
    selectors.map((s) => (s.prefix ?? '') + s.exact + (s.suffix ?? '')),
  );
  return selectors.map(({ exact, prefix }, i): AnchorResult => {
    const hits = index.occurrences(i, 2);
    if (hits.length === 1) {
      const start = hits[0]! + (prefix?.length ?? 0);
      return { ok: true, start, end: start + exact.length };
    }
    return { ok: false, reason: hits.length === 0 ? 'not-found' : 'ambiguous' };
  });
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
