/** How names and queries are cut into comparable words: lower case, no accents, punctuation as a word break. */

// Punctuation, symbols and separators break words, so "Trump’s" is "trump s" and "Kim Jong-un" is "kim jong un".
const BREAK = /[\p{Z}\p{P}\p{S}\p{Cc}]+/u;
const MARKS = /\p{M}/gu;

// Plain lower-case ASCII words with single spaces come out of the full treatment unchanged; most names of a
// large dataset are like this, and skipping Unicode normalisation for them halves building the search index.
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

// In ASCII text every character that is not a letter or digit is a break, so matching runs of letters and
// digits gives the same words as the full treatment, several times faster: most source prose is ASCII.
// eslint-disable-next-line no-control-regex -- every ASCII character, controls included, is the point
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** `text` with its accents taken off ("Éric" is "Eric", "ﬁ" is "fi"); ASCII text as it is, unnormalised. */
export const foldAccents = (text: string): string =>
  ASCII.test(text) ? text : text.normalize('NFKD').replace(MARKS, '');

/** The words of a name or a query, normalised. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  if (PLAIN.test(lower)) return lower.split(' ');
  if (ASCII.test(text)) return lower.match(ASCII_WORD) ?? [];
  return foldAccents(text)
    .toLowerCase()
    .split(BREAK)
    .filter((w) => w.length > 0);
}

/** A name or query as one normalised string of words joined by single spaces. */
export const phraseOf = (text: string): string => wordsOf(text).join(' ');
