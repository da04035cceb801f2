/**
 * Why a quote that is not verbatim in its source is not: the source is searched again with the usual
 * encoding differences folded away (curly and straight quotes, dashes, non-breaking and zero-width
 * spaces, a byte order mark, CRLF and LF, composed and decomposed accents), and the first character
 * that differs is named with its line, column and code point.
 */

import { indexOccurrences } from './occurrence-index';
import { QUOTE_AND_DASH_FOLDS } from './typography';

/** Folded text, with the offset in the original of each of its characters. */
interface Folded {
  text: string;
  from: Int32Array;
}

const FOLD: Record<string, string> = {
  ...QUOTE_AND_DASH_FOLDS,
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\r': '\n',
};
/** Invisible characters that are dropped when folding. */
const DROPPED = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

function fold(text: string): Folded {
  const out: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (DROPPED.test(c) || (c === '\r' && text[i + 1] === '\n')) continue;
    const cp = text.codePointAt(i)!;
    const unit = cp > 0xffff ? text.slice(i, i + 2) : c;
    const folded = FOLD[unit] ?? (cp < 0x80 ? unit : unit.normalize('NFD'));
    for (const ch of folded) {
      for (let k = 0; k < ch.length; k++) from.push(i);
      out.push(ch);
    }
    if (unit.length === 2) i++;
  }
  from.push(text.length);
  return { text: out.join(''), from: Int32Array.from(from) };
}

const NAMES: Record<string, string> = {
  '\u00a0': 'NO-BREAK SPACE',
  '\u202f': 'NARROW NO-BREAK SPACE',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'BYTE ORDER MARK',
  '\u00ad': 'SOFT HYPHEN',
  '\r': 'CARRIAGE RETURN',
  '\n': 'LINE FEED',
  '\t': 'TAB',
  ' ': 'SPACE',
};

const codePoints = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** A character (with any combining marks after it) as a reader can tell it apart: "’ (U+2019)". */
function describe(s: string): string {
  if (s === '') return 'nothing';
  const name = NAMES[s];
  return name ? `${codePoints(s)} ${name}` : `${s} (${codePoints(s)})`;
}

/** The character at `i` with the combining marks that follow it. */
function clusterAt(s: string, i: number): string {
  if (i >= s.length) return '';
  let end = i + (s.codePointAt(i)! > 0xffff ? 2 : 1);
  while (end < s.length && /\p{M}/u.test(s[end]!)) end++;
  return s.slice(i, end);
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}, column ${offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1}`;
}

/** Quotes per source that get a hint; the rest of a badly broken dataset's quotes get the plain message. */
export const HINTS_PER_SOURCE = 100;
/** The shortest start of a quote worth calling a close match. */
const MIN_MATCH = 8;

/**
 * For each quote not found in `text`, one clause saying where it nearly occurs and which character
 * differs first, or undefined when not even its first few characters occur. All quotes of a source are
 * searched together with the occurrence index, so repetitive text costs linear work here too.
 */
export function quoteHints(text: string, exacts: readonly string[]): Array<string | undefined> {
  const source = fold(text);
  const quotes = exacts.slice(0, HINTS_PER_SOURCE).map((e) => fold(e).text);
  const found = new Array<number>(quotes.length).fill(-1);
  const close = new Array<boolean>(quotes.length).fill(false);
  const firstOf = (needles: string[]) => {
    const index = indexOccurrences(source.text, needles);
    return needles.map((_, i) => index.occurrences(i, 1)[0] ?? -1);
  };
  // The whole quote, folded; then, for those still missing, ever longer starts of it (each found one a
  // place where the walk below can run until the texts part).
  firstOf(quotes).forEach((at, i) => (found[i] = quotes[i]!.length > 0 ? at : -1));
  for (let length = MIN_MATCH; ; length *= 2) {
    const missing = quotes.flatMap((q, i) => ((found[i] === -1 || close[i]) && q.length > length ? [i] : []));
    if (missing.length === 0) break;
    const at = firstOf(missing.map((i) => quotes[i]!.slice(0, length)));
    missing.forEach((i, k) => {
      if (at[k]! === -1)
        quotes[i] = ''; // no longer start will occur either
      else {
        found[i] = at[k]!;
        close[i] = true;
      }
    });
  }
  return exacts.map((exact, i) => {
    if (i >= quotes.length || found[i] === -1) return undefined;
    let s = source.from[found[i]!]!;
    let q = 0;
    while (s < text.length && q < exact.length && text[s] === exact[q]) {
      s++;
      q++;
    }
    if (q >= exact.length) return undefined;
    const where = `${close[i] ? 'the closest match ends at ' : ''}${lineColumn(text, s)}`;
    return `${where}: the source has ${describe(clusterAt(text, s))}, the quote has ${describe(clusterAt(exact, q))}`;
  });
}
