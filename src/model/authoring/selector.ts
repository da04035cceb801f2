/** A selection in a source made into the quote selector the dataset format anchors (exact, prefix, suffix). */
import { anchorQuote } from '../format/anchor';
import type { Span } from './sentences';

export interface Selector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** The format's limit on a prefix or suffix. */
const MAX_CONTEXT = 500;

/**
 * The selected text, with as little text before and after it as makes it point at this occurrence only.
 * A selection that is unique needs neither. Context grows in whole steps (8, 16, 32… characters) on both
 * sides, so a repeated passage gets a readable prefix rather than a single letter.
 */
export function selectorFor(text: string, sel: Span): Selector {
  if (sel.start < 0 || sel.end > text.length || sel.end <= sel.start)
    throw new RangeError(`selection ${sel.start}–${sel.end} is outside the text (0–${text.length})`);
  const exact = text.slice(sel.start, sel.end);
  if (anchorQuote(text, exact).ok) return { exact };
  for (let n = 8; ; n *= 2) {
    const width = Math.min(n, MAX_CONTEXT);
    const prefix = text.slice(Math.max(0, sel.start - width), sel.start);
    const suffix = text.slice(sel.end, Math.min(text.length, sel.end + width));
    const selector: Selector = { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
    const anchored = anchorQuote(text, exact, selector.prefix, selector.suffix);
    if (anchored.ok && anchored.start === sel.start) return selector;
    // Whole text used up (or the limit reached): the widest context is the best the format allows.
    if (width === MAX_CONTEXT || (sel.start - width <= 0 && sel.end + width >= text.length)) return selector;
  }
}
