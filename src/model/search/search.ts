/** Typeahead search over entity names and aliases: name prefixes first, then word prefixes, then typos. */
import { distanceWithin } from './fuzzy';
import type { EntityRecord } from '../format/schema';
import { indexEntities, type EntitySearchIndex } from './search-index';
import { prefixRange } from './sorted-range';
import { wordsOf } from './search-text';

export interface SearchHit {
  id: string;
  name: string;
  type: EntityRecord['type'];
  /** Orders the hits of one search, higher first; not comparable between searches. */
  score: number;
}

export interface EntitySearch {
  search(query: string, limit?: number): SearchHit[];
}

type Listed = Pick<EntityRecord, 'id' | 'name' | 'type'>;

// Caps keep every query's work bounded whatever it matches: a one-letter query matches most of a large
// dataset, and ranking all of those matches is what made the old index slow. Matches are visited best
// first (names sorted, each word's entities shortest name first), so the cap only drops the weakest.
const PHRASE_SCAN = 256;
const WORD_SCAN = 4000;
/** Shorter words are too ambiguous to correct: "putn" is a typo for "putin", "pu" is not. */
const MIN_FUZZY_LENGTH = 4;
const maxTypos = (word: string) => (word.length >= 7 ? 2 : 1);

const Tier = {
  /** A name or alias starts with the query. */
  Phrase: 0,
  /** Every query word starts a word of the name or aliases. */
  Words: 1,
  /** Every query word starts a word, or is one with a typo. */
  Typos: 2,
  /** Some query words match (only when nothing matches them all). */
  Some: 3,
} as const;
type Tier = (typeof Tier)[keyof typeof Tier];

/** Smaller is better: tier, then how loosely the words matched, then name before alias, then shorter. */
const rankKey = (tier: Tier, looseness: number, alias: boolean, length: number): number =>
  tier * 1e9 + Math.min(looseness, 999) * 1e6 + (alias ? 1e5 : 0) + Math.min(length, 99_999);

/** The best `limit` entities offered so far, each once, by rank key. */
class Best {
  readonly entities: number[] = [];
  readonly keys: number[] = [];
  constructor(readonly limit: number) {}
  get full(): boolean {
    return this.entities.length >= this.limit;
  }
  offer(entity: number, key: number): void {
    const at = this.entities.indexOf(entity);
    if (at >= 0) {
      if (this.keys[at]! <= key) return;
      this.entities.splice(at, 1);
      this.keys.splice(at, 1);
    } else if (this.full && key >= this.keys[this.keys.length - 1]!) return;
    let i = this.keys.length;
    while (i > 0 && this.keys[i - 1]! > key) i--;
    this.entities.splice(i, 0, entity);
    this.keys.splice(i, 0, key);
    if (this.entities.length > this.limit) {
      this.entities.pop();
      this.keys.pop();
    }
  }
}

interface Typo {
  term: number;
  distance: number;
}

export function buildEntitySearch(entities: readonly EntityRecord[]): EntitySearch {
  return entitySearchFrom(entities, indexEntities(entities));
}

/** Search over `entities` with an index built from the same list (possibly in a worker). */
export function entitySearchFrom(entities: readonly Listed[], index: EntitySearchIndex): EntitySearch {
  const { phrases, phraseEntity, terms, termStart, postings, texts, nameLengths } = index;

  /** Where `word` starts a word of entity `i`, or -1; the position tells name from alias. */
  const wordStart = (i: number, word: string) => texts[i]!.indexOf(' ' + word);
  const endsWord = (text: string, at: number) => at >= text.length || text.charCodeAt(at) === 32;

  function namePrefixes(phrase: string, best: Best) {
    const [from, to] = prefixRange(phrases, phrase);
    for (let p = from; p < Math.min(to, from + PHRASE_SCAN); p++) {
      const e = phraseEntity[p]!;
      const alias = e < 0;
      const i = alias ? ~e : e;
      const length = alias ? phrases[p]!.length : nameLengths[i]!;
      // A name that only begins with the whole words typed ("Trump–Kim letters" for "trump") is no better
      // a match than one that has them further on ("Eric Trump"): both rank as word matches, shorter first.
      if (length === phrase.length) best.offer(i, rankKey(Tier.Phrase, 0, alias, length));
      else if (endsWord(phrases[p]!, phrase.length)) best.offer(i, rankKey(Tier.Words, 0, alias, length));
      else best.offer(i, rankKey(Tier.Phrase, 1, alias, length));
    }
  }

  /** Scores entity `i` against every word, or returns -1 when one does not match. */
  function scoreWords(i: number, words: readonly string[], typos: readonly Typo[][], tier: Tier) {
    const text = texts[i]!;
    let looseness = 0;
    let alias = false;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      let at = wordStart(i, word);
      if (at >= 0) {
        if (!endsWord(text, at + 1 + word.length)) looseness++;
      } else {
        let distance = -1;
        for (const typo of typos[w] ?? []) {
          const term = terms[typo.term]!;
          at = wordStart(i, term);
          if (at >= 0 && endsWord(text, at + 1 + term.length)) {
            distance = typo.distance;
            break;
          }
        }
        if (distance < 0) return -1;
        looseness += 2 * distance;
      }
      if (at > nameLengths[i]!) alias = true;
    }
    return rankKey(tier, looseness, alias, nameLengths[i]!);
  }

  /** Entities with every word, driven by the word with the fewest candidates. */
  function allWords(words: readonly string[], typos: readonly Typo[][], tier: Tier, best: Best) {
    const ranges = words.map((w) => prefixRange(terms, w));
    const candidates = ranges.map(
      ([from, to], w) =>
        termStart[to]! -
        termStart[from]! +
        (typos[w] ?? []).reduce((n, t) => n + termStart[t.term + 1]! - termStart[t.term]!, 0),
    );
    let driver = 0;
    for (let w = 1; w < words.length; w++) if (candidates[w]! < candidates[driver]!) driver = w;
    if (candidates[driver] === 0) return;
    const [from, to] = ranges[driver]!;
    const spans: Array<[number, number]> = [[termStart[from]!, termStart[to]!]];
    for (const t of typos[driver] ?? []) spans.push([termStart[t.term]!, termStart[t.term + 1]!]);
    let budget = WORD_SCAN;
    for (const [start, end] of spans) {
      for (let p = start; p < end && budget > 0; p++, budget--) {
        const i = postings[p]!;
        const key = scoreWords(i, words, typos, tier);
        if (key >= 0) best.offer(i, key);
      }
    }
  }

  /** Entities with any of the words, those with the most first. */
  function someWords(words: readonly string[], typos: readonly Typo[][], best: Best) {
    const matched = new Map<number, number>();
    words.forEach((word, w) => {
      const [from, to] = prefixRange(terms, word);
      const spans: Array<[number, number]> = [[termStart[from]!, termStart[to]!]];
      for (const t of typos[w] ?? []) spans.push([termStart[t.term]!, termStart[t.term + 1]!]);
      const mine = new Set<number>();
      for (const [start, end] of spans)
        for (let p = start; p < Math.min(end, start + WORD_SCAN); p++) mine.add(postings[p]!);
      for (const i of mine) matched.set(i, (matched.get(i) ?? 0) + 1);
    });
    for (const [i, count] of matched)
      best.offer(i, rankKey(Tier.Some, words.length - count, false, nameLengths[i]!));
  }

  const typosOf = (word: string): Typo[] => {
    if (word.length < MIN_FUZZY_LENGTH) return [];
    const max = maxTypos(word);
    const found: Typo[] = [];
    for (let t = 0; t < terms.length; t++) {
      const distance = distanceWithin(word, terms[t]!, max);
      if (distance > 0) found.push({ term: t, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  };

  return {
    search(query, limit = 10) {
      const words = wordsOf(query);
      if (words.length === 0 || limit <= 0) return [];
      const best = new Best(limit);
      namePrefixes(words.join(' '), best);
      // Whole-word name starts rank with the word matches, so those still compete for the places.
      if (!best.full || best.keys[best.keys.length - 1]! >= Tier.Words * 1e9)
        allWords(words, [], Tier.Words, best);
      if (!best.full) {
        const typos = words.map(typosOf);
        if (typos.some((t) => t.length > 0)) allWords(words, typos, Tier.Typos, best);
        // "Don Jr" should still find "Donald Trump Jr." when one word is a poor match: fall back to any word.
        if (best.entities.length === 0 && words.length > 1) someWords(words, typos, best);
      }
      return best.entities.map((i, rank) => {
        const e = entities[i]!;
        return { id: e.id, name: e.name, type: e.type, score: 1 / (1 + best.keys[rank]! / 1e5) };
      });
    },
  };
}
