/**
 * Why a quote that is not verbatim in its source is not: the source is searched again with the usual
 * encoding differences folded away (curly and straight quotes, dashes, non-breaking and zero-width
 * spaces, a byte order mark, CRLF and LF, composed and decomposed accents), and the first character
 * that differs is named with its line, column and code point.
 */

/** Folded text, with the offset in the original of each of its characters. */
interface Folded {
  text: string;
  from: Int32Array;
}

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
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

/** Quotes per source that get a hint: each costs a scan of the source, so a thousand broken quotes do not cost a thousand. */
const HINTS_PER_SOURCE = 100;

/** Reuses one source's folded text for all its quotes. */
export class QuoteHints {
  private folded = new Map<string, { text: Folded; hints: number }>();

  /**
   * One clause saying where the quote (nearly) occurs and which character differs first, or undefined
   * when not even its first few characters occur, or this source has had its share of hints.
   */
  explain(sourceKey: string, text: string, exact: string): string | undefined {
    let entry = this.folded.get(sourceKey);
    if (!entry) this.folded.set(sourceKey, (entry = { text: fold(text), hints: 0 }));
    if (entry.hints++ >= HINTS_PER_SOURCE) return undefined;
    const source = entry.text;
    const quote = fold(exact).text;
    if (quote.length === 0) return undefined;
    let at = source.text.indexOf(quote);
    let closest = '';
    if (at === -1) {
      // The longest start of the quote that occurs (if some start occurs, every shorter one does).
      let lo = 0;
      let hi = quote.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (source.text.includes(quote.slice(0, mid))) lo = mid;
        else hi = mid - 1;
      }
      if (lo < Math.min(12, quote.length >> 1)) return undefined;
      at = source.text.indexOf(quote.slice(0, lo));
      closest = 'the closest match ends at ';
    }
    let s = source.from[at]!;
    let q = 0;
    while (s < text.length && q < exact.length && text[s] === exact[q]) {
      s++;
      q++;
    }
    if (q >= exact.length) return undefined;
    return `${closest}${lineColumn(text, s)}: the source has ${describe(clusterAt(text, s))}, the quote has ${describe(clusterAt(exact, q))}`;
  }
}
