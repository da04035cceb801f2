/**
 * What the server's "Said in the sources" asks the full-text index, from the words typed. The local search
 * box matches the start of every word as it is typed ("deerh" finds "Deerhurst"); the index holds English
 * stems ("running" is `run`), so a typed start can run past the stem of the word it starts ("runni"). The
 * words become three tsquery texts, built here from letters and digits only, so they can never hold
 * tsquery syntax (they are still sent as parameters, never into the SQL):
 *
 * - whole: every word whole, stemmed (plainto_tsquery): the matches the server had before, listed first;
 * - starts: every word as the start of a word of the quote, unstemmed (against the quote's `simple` words),
 *   the exact test, checked on the rows the index gave;
 * - lookup: what the index is asked, the exact test narrowing what it gives: per word, lexemes starting
 *   with it, or a stem the word runs past (its own starts of at least STEM_MIN letters, as whole lexemes),
 *   so that "runni" reaches `run`. The index holds no English stop words, so a word that starts one ("th"
 *   of "the", "hi" of "his") is only checked, not asked, unless no word can be asked: then the longest is,
 *   and finds what it starts besides stop words ("hi": "high", not "his").
 */
import { MIN_QUERY } from '../model/search/passage-search';

/** Words of a query that count, as in the local search; more would only narrow a narrow search. */
export const MAX_WORDS = 7;
/** A word shorter than this is not looked up by its start in the index (it is still checked): see server.md. */
export const PREFIX_MIN = MIN_QUERY;
/** The shortest stem tried for a word typed past its stem, and how far past it a stem is looked for. */
const STEM_MIN = 3;
const STEM_BACK = 6;

const WORD = /[\p{L}\p{N}]+/gu;

/** PostgreSQL's English stop words (tsearch_data/english.stop), which its English full-text index leaves out. */
export const STOP_WORDS: readonly string[] = (
  'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers ' +
  'herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
  'are was were be been being have has had having do does did doing a an the and but if or because as until ' +
  'while of at by for with about against between into through during before after above below to from up ' +
  'down in out on off over under again further then once here there when where why how all any both each few ' +
  'more most other some such no nor not only own same so than too very s t can will just don should now'
).split(' ');

export interface PassageQuery {
  /** The words, lower case, in the order typed, each once. */
  words: string[];
  /** For plainto_tsquery('tl_english', …): the words as plain text. */
  whole: string;
  /** For to_tsquery('tl_simple', …): every word as a word's start. */
  starts: string;
  /** For to_tsquery('tl_simple', …): what the index is asked; null when no word is long enough to ask it. */
  lookup: string | null;
}

/**
 * The words of `text` as the server searches them, or null when none is long enough to search (the local
 * search's rule: some word of at least MIN_QUERY characters). Accents are kept here: the server's text
 * search configurations fold them, in the index and in the query alike (schema.ts).
 */
export function passageQuery(text: string): PassageQuery | null {
  const words = [...new Set(text.normalize('NFC').toLowerCase().match(WORD) ?? [])].slice(0, MAX_WORDS);
  if (!words.some((w) => w.length >= MIN_QUERY)) return null;
  return {
    words,
    whole: words.join(' '),
    starts: words.map((w) => `${w}:*`).join(' & '),
    lookup: lookupOf(words),
  };
}

/** What the index is asked for `words` (see above). */
function lookupOf(words: readonly string[]): string | null {
  const long = words.filter((w) => w.length >= PREFIX_MIN);
  if (long.length === 0) return null;
  const asked = long.filter((w) => !STOP_WORDS.some((s) => s.startsWith(w)));
  const longest = long.reduce((a, b) => (b.length > a.length ? b : a));
  return (asked.length > 0 ? asked : [longest]).map((w) => `(${wordLookup(w)})`).join(' & ');
}

/** `word` as the start of a lexeme, or as a whole lexeme that is a start of it (a stem it runs past). */
function wordLookup(word: string): string {
  const stems: string[] = [];
  for (let n = Math.max(STEM_MIN, word.length - STEM_BACK); n < word.length; n++)
    stems.push(word.slice(0, n));
  return [`${word}:*`, ...stems].join(' | ');
}
