/**
 * A source text held only in stretches. A server dataset's answers carry of a long source only the text
 * around each quote they cite (its windows) and the text's full length; the rest is fetched when a reader or
 * an export needs it. What is held is kept as it came, at its offsets: nothing stands in for the text not
 * held, so nothing can be shown or exported as if it were the source's.
 */
import type { BundleSource } from '../format/bundle';
import { sentenceAround } from '../format/anchor';

/** Part of a source's text, verbatim, starting at `start` (UTF-16 offsets, as the quotes'). */
export interface Stretch {
  start: number;
  text: string;
}

/** A source's text as held in part: its stretches in order, apart from one another, and its full length. */
export interface HeldText {
  length: number;
  stretches: readonly Stretch[];
}

/** A source as an answer sends it in part: its record, its text's length, and the windows its quotes need. */
export type SourceInPart = Omit<BundleSource, 'text'> & { length: number; windows: Stretch[] };

/** A source as it arrives: whole, or in part. */
export type ArrivingSource = BundleSource | SourceInPart;

/** A source as the model gives it: with `held` when only part of its text is held (`text` is then empty). */
export type ModelSource = BundleSource & { held?: HeldText };

export const isInPart = <T extends object>(s: T | SourceInPart): s is SourceInPart => 'windows' in s;

/** A source's record, without its text or windows. */
export function recordOf(s: ArrivingSource): Omit<BundleSource, 'text'> {
  if (isInPart(s)) {
    const { windows: _windows, length: _length, ...record } = s;
    return record;
  }
  const { text: _text, ...record } = s;
  return record;
}

/** The text's length, whether it is held whole or in part. */
export const textLength = (s: ModelSource): number => s.held?.length ?? s.text.length;

/** Where two stretches disagree on the text they share: the one-line problem, or null. */
function disagreement(a: Stretch, b: Stretch): string | null {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.start + a.text.length, b.start + b.text.length);
  if (from >= to) return null;
  const x = a.text.slice(from - a.start, to - a.start);
  const y = b.text.slice(from - b.start, to - b.start);
  return x === y ? null : `the text sent for ${from}–${to} differs from the text held there`;
}

/**
 * The stretches of `held` and `more` as one ordered list, overlapping or touching ones joined. Throws an
 * Error naming the source when two disagree on the text they share, or one runs past the text's length.
 */
export function mergeStretches(
  sourceId: string,
  length: number,
  held: readonly Stretch[],
  more: readonly Stretch[],
): Stretch[] {
  const all = [...held, ...more].sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  for (const s of all) {
    if (s.start < 0 || s.start + s.text.length > length)
      throw new Error(
        `Source "${sourceId}": a window at ${s.start}–${s.start + s.text.length} runs outside its ${length} characters.`,
      );
    const last = out[out.length - 1];
    if (!last || s.start > last.start + last.text.length) {
      out.push(s);
      continue;
    }
    const problem = disagreement(last, s);
    if (problem) throw new Error(`Source "${sourceId}": ${problem}.`);
    const end = last.start + last.text.length;
    if (s.start + s.text.length > end)
      out[out.length - 1] = { start: last.start, text: last.text + s.text.slice(end - s.start) };
  }
  return out;
}

/** The stretch holding all of `start`–`end`, if one does. */
export function stretchHolding(held: HeldText, start: number, end: number): Stretch | undefined {
  let lo = 0;
  let hi = held.stretches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = held.stretches[mid]!;
    if (s.start > start) hi = mid - 1;
    else if (s.start + s.text.length < start) lo = mid + 1;
    else return end <= s.start + s.text.length ? s : undefined;
  }
  return undefined;
}

/** The text from `start` to `end`, or null when it is not all held. */
export function heldSlice(held: HeldText, start: number, end: number): string | null {
  const s = stretchHolding(held, start, end);
  return s ? s.text.slice(start - s.start, end - s.start) : null;
}

/**
 * Whether `text` (a source's whole text, fetched) agrees with every stretch held of it: what was held is
 * the source's text, so the whole may take its place. The one-line problem, or null.
 */
export function wholeDisagrees(sourceId: string, held: HeldText, text: string): string | null {
  if (text.length !== held.length)
    return `Source "${sourceId}": its text came with ${text.length} characters, not the ${held.length} it has.`;
  for (const s of held.stretches)
    if (text.slice(s.start, s.start + s.text.length) !== s.text)
      return `Source "${sourceId}": its text at ${s.start}–${s.start + s.text.length} differs from the text held there.`;
  return null;
}

/**
 * Characters either side of a quote that its context is shown within: the interactive page's limit, and
 * what a source held in part must hold around a quote for the evidence panel's sentence.
 */
export const QUOTE_CONTEXT_CHARS = 400;

/**
 * Whether the text around the quote at `start`–`end` is held: always for a source held whole; for one held
 * in part, when one stretch reaches QUOTE_CONTEXT_CHARS either side of the quote (or the text's ends). A
 * server's answer past its budget of text carries a quote alone, and its context is fetched when shown.
 */
export function contextHeld(source: ModelSource, start: number, end: number): boolean {
  const { held } = source;
  if (!held) return true;
  const from = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  return stretchHolding(held, from, Math.min(held.length, end + QUOTE_CONTEXT_CHARS)) !== undefined;
}

/** The text around a quote, as the evidence and the embed show it. */
export interface QuoteContext {
  before: string;
  after: string;
  /** The sentence runs on past what is held: shown with an ellipsis, never filled in. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * The sentence around the quote at `start`–`end`, at most `maxChars` either side of it; on a source held in
 * part, within the stretch that holds the quote (its windows reach further than a sentence in most texts).
 * Null when the quote itself is not held.
 */
export function quoteContext(
  source: ModelSource,
  start: number,
  end: number,
  maxChars = Number.POSITIVE_INFINITY,
): QuoteContext | null {
  const stretch: Stretch | undefined = source.held
    ? stretchHolding(source.held, start, end)
    : { start: 0, text: source.text };
  if (!stretch) return null;
  const { text } = stretch;
  const at = start - stretch.start;
  const to = end - stretch.start;
  const around = sentenceAround(text, at, to);
  const from = Math.max(around.start, at - maxChars);
  const until = Math.min(around.end, to + maxChars);
  const length = source.held?.length ?? text.length;
  return {
    before: text.slice(from, at),
    after: text.slice(to, until),
    cutBefore: from === 0 && stretch.start > 0,
    cutAfter: until === text.length && stretch.start + text.length < length,
  };
}
