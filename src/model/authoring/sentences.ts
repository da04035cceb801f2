/**
 * Sentence boundaries of a source text, as offsets into it. Rule-based rather than the NLP library's:
 * the loom and the proposals split every text on every edit, and the same text must always split the
 * same way (a skipped loom sentence is remembered by its offsets).
 */

export interface Span {
  start: number;
  end: number;
}

/** Words whose full stop does not end a sentence (lowercase, without the stop). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'etc',
  'no',
  'approx',
  'dept',
  'est',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'e.g',
  'i.e',
]);

/** Closing marks that stay with the sentence they close. */
const CLOSERS = /[”"’')\]»]/;

/** Whether the full stop at `dot` belongs to an abbreviation or an initialism ("U.S.", "D.C.", "J."). */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  // "1990s." and "G7." end sentences: the letters before the stop are part of a longer word.
  if (word === '' || (s > 0 && /[\p{N}\p{L}]/u.test(text[s - 1]!))) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single letter ("J.") or dotted letters ("U.S", "e.g") before the stop.
  return /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Sentences in order, trimmed of surrounding whitespace; a line break always ends one (headings and
 * photo captions stand alone). Empty lines give no sentence.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  // Inside a quotation that closes on the same line, a full stop does not end the sentence: “We don’t
  // depend on banks. We have the funding.” is one attribution.
  let closesAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      closesAt = -1;
      continue;
    }
    if (c === '“' && i > closesAt) {
      const close = text.indexOf('”', i + 1);
      const line = text.indexOf('\n', i + 1);
      closesAt = close !== -1 && (line === -1 || close < line) ? close : -1;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    if (i < closesAt && text.indexOf('”', i) !== i + 1) continue;
    let e = i + 1;
    while (e < text.length && (/[.!?…]/.test(text[e]!) || CLOSERS.test(text[e]!))) e++;
    if (e < text.length && !/\s/.test(text[e]!)) continue; // "3.5", "U.S.-led", "Yahoo!Mail"
    // What comes next must look like the start of a sentence: a capital, a digit or an opening mark.
    let n = e;
    while (n < text.length && (text[n] === ' ' || text[n] === '\t')) n++;
    if (n < text.length && text[n] !== '\n' && !/[\p{Lu}\p{N}“"‘'([«¿¡—–-]/u.test(text[n]!)) continue;
    if (c === '.' && e === i + 1 && isAbbreviation(text, i) && n < text.length && text[n] !== '\n') continue;
    push(e);
    i = e - 1;
  }
  push(text.length);
  return out;
}

/** The index in `sentences` of the sentence holding `offset` (or the next one after it), by binary search. */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
