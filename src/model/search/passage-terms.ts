/**
 * The words of what was said, as the full-text index reads them: the same words wordsOf gives, but read
 * straight from a range of a source text and looked up by their characters, so the millions of ASCII words
 * of a large dataset cost no string each; only a word seen for the first time is cut out of its text.
 */
import { wordsOf } from './search-text';

const EMPTY = 0;

/** FNV-1a over UTF-16 code units: cheap, and good enough to spread words over an open-addressing table. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const hashString = (word: string): number => {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
};

/** ASCII letters and digits, upper case folded: every other ASCII character breaks a word, as in wordsOf. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = c + 32;

/** Words to ids, in the order they were first seen. */
export class TermTable {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  /** Open addressing: a slot holds a word's id + 1, or EMPTY. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.words.length;
  }

  /** The id of a word already normalised; `add` false looks it up only (-1 when absent). */
  idOf(word: string, add = true): number {
    const h = hashString(word);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === EMPTY) return add ? this.insert(word, h, s) : -1;
      const id = slot - 1;
      if (this.hashes[id] === h && this.words[id] === word) return id;
    }
  }

  /** The id of text[from, to), a run of ASCII letters and digits, lower-cased as it is read. */
  idOfAscii(text: string, from: number, to: number): number {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ ASCII_WORD[text.charCodeAt(i)]!, FNV_PRIME);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === EMPTY) return this.insert(text.slice(from, to).toLowerCase(), h, s);
      const id = slot - 1;
      if (this.hashes[id] !== h) continue;
      const word = this.words[id]!;
      if (word.length !== length) continue;
      let i = 0;
      while (i < length && word.charCodeAt(i) === ASCII_WORD[text.charCodeAt(from + i)]) i++;
      if (i === length) return id;
    }
  }

  private insert(word: string, h: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    // Kept at most half full, so a probe meets an empty slot within a step or two.
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let s = this.hashes[id]! & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * Calls `onTerm` with the id of every word of text[from, to), repeats included, in order. A run of ASCII
 * letters and digits is read in place; a run holding any other character (an accent, a typographic
 * apostrophe, another script) goes through wordsOf, which folds and splits it as it does for a query.
 */
export function readTerms(
  terms: TermTable,
  text: string,
  from: number,
  to: number,
  onTerm: (id: number) => void,
): void {
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c < 128 && ASCII_WORD[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    while (i < to) {
      c = text.charCodeAt(i);
      if (c >= 128) plain = false;
      else if (ASCII_WORD[c] === 0) break;
      i++;
    }
    if (plain) onTerm(terms.idOfAscii(text, start, i));
    else for (const word of wordsOf(text.slice(start, i))) onTerm(terms.idOf(word));
  }
}
