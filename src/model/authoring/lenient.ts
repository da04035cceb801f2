/**
 * Finding a quote typed or pasted by hand (a spreadsheet cell, a note) in its source: curly and straight
 * quotes, dashes, runs of whitespace and case are folded on both sides, and the match is returned as a
 * span of the source, so what is stored is the source's own characters, never the typed ones.
 */
import { quoteHints } from '../format/quote-hint';
import { QUOTE_AND_DASH_FOLDS } from '../format/typography';
import { splitSentences, type Span } from './sentences';

export type LenientMatch = { found: Span } | { found: null; closest?: { span: Span; hint: string } };

const FOLD: Record<string, string> = {
  ...QUOTE_AND_DASH_FOLDS,
  '`': "'",
  '\u00b4': "'",
  '\u2015': '-',
  '\u2026': '...',
};
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

export interface Folded {
  text: string;
  /** Offset in the original of each folded character, plus one past the end. */
  from: Int32Array;
}

/** The text folded for lenient comparison, with where each of its characters came from. */
export function foldLenient(text: string): Folded {
  const out: string[] = [];
  const from: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (INVISIBLE.test(c)) continue;
    if (/\s/.test(c)) {
      if (!space) {
        out.push(' ');
        from.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const folded = (FOLD[c] ?? c).toLowerCase();
    for (const ch of folded) {
      out.push(ch);
      from.push(i);
    }
  }
  from.push(text.length);
  return { text: out.join(''), from: Int32Array.from(from) };
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The sentence sharing most words with the quote, as where the author probably meant. */
function closestSentence(text: string, quote: string): Span | undefined {
  const wanted = new Set(words(quote));
  if (wanted.size === 0) return undefined;
  let best: { span: Span; score: number } | undefined;
  for (const span of splitSentences(text)) {
    const have = new Set(words(text.slice(span.start, span.end)));
    let shared = 0;
    for (const w of wanted) if (have.has(w)) shared++;
    // Dice coefficient: a long sentence does not win by containing every word.
    const score = (2 * shared) / (wanted.size + have.size);
    if (shared > 0 && (!best || score > best.score)) best = { span, score };
  }
  return best && best.score >= 0.3 ? best.span : undefined;
}

/**
 * The source span the quote stands for (the first, when several match), or the closest sentence with
 * a hint naming the first character that differs.
 */
export function findLenient(text: string, quote: string): LenientMatch {
  const q = foldLenient(quote.trim()).text;
  if (q.trim() === '') return { found: null };
  const t = foldLenient(text);
  const at = t.text.indexOf(q);
  if (at !== -1) {
    const start = t.from[at]!;
    // The end is one past the source character the last folded character came from.
    const end = t.from[at + q.length - 1]! + 1;
    return { found: { start, end } };
  }
  const span = closestSentence(text, quote);
  if (!span) return { found: null };
  const sentence = text.slice(span.start, span.end);
  // The hint is computed on the sentence alone, so its "line 1, column N" is a place in that sentence.
  const raw = quoteHints(sentence, [quote.trim()])[0];
  const hint = raw
    ? raw.replace(
        /^(?:the closest match ends at )?line \d+, column (\d+)/,
        'at character $1 of the closest sentence',
      )
    : 'the closest sentence shares words with it but not the wording';
  return { found: null, closest: { span, hint } };
}
