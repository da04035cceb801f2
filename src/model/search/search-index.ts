/** The typeahead index over entity names and aliases: sorted arrays only, so a worker can build it and post it. */
import type { EntityRecord } from '../format/schema';
import { phraseOf, wordsOf } from './search-text';

export interface EntitySearchIndex {
  /** Normalised names and aliases, sorted, for "the name starts with what was typed". */
  phrases: string[];
  /** Entity (index into the entity list) of each phrase; `~index` when the phrase is an alias. */
  phraseEntity: Int32Array;
  /** Distinct normalised words, sorted, for "some word starts with each typed word". */
  terms: string[];
  /** The entities whose words include `terms[t]` are `postings[termStart[t]]` up to `postings[termStart[t + 1]]`. */
  termStart: Int32Array;
  /** Entity indices grouped by term; within a term, name matches before alias matches, shorter names first. */
  postings: Int32Array;
  /** Per entity: " " + its name phrase + " " + each alias phrase, to check a word against a candidate quickly. */
  texts: string[];
  /** Length of the name phrase inside `texts[i]` (after its leading space); what follows are aliases. */
  nameLengths: Int32Array;
}

type Named = Pick<EntityRecord, 'name' | 'aliases'>;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function indexEntities(entities: readonly Named[]): EntitySearchIndex {
  const n = entities.length;
  const names: string[] = new Array<string>(n);
  const aliases: string[][] = new Array<string[]>(n);
  const texts: string[] = new Array<string>(n);
  const nameLengths = new Int32Array(n);
  let phraseCount = 0;
  for (let i = 0; i < n; i++) {
    const e = entities[i]!;
    names[i] = phraseOf(e.name);
    aliases[i] = (e.aliases ?? []).map(phraseOf).filter((a) => a.length > 0);
    nameLengths[i] = names[i]!.length;
    texts[i] = [' ' + names[i], ...aliases[i]!].join(' ');
    phraseCount += 1 + aliases[i]!.length;
  }

  // Visiting entities shortest name first, names before aliases, leaves every term's postings in rank order.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => nameLengths[a]! - nameLengths[b]! || a - b,
  );
  const lists = new Map<string, number[]>();
  const post = (word: string, entity: number) => {
    const list = lists.get(word);
    if (!list) lists.set(word, [entity]);
    else if (list[list.length - 1] !== entity) list.push(entity);
  };
  for (const i of order) for (const w of new Set(names[i]!.split(' '))) if (w) post(w, i);
  for (const i of order) {
    const name = ` ${names[i]} `;
    for (const a of aliases[i]!) for (const w of wordsOf(a)) if (!name.includes(` ${w} `)) post(w, i);
  }

  const terms = [...lists.keys()].sort(byString);
  const termStart = new Int32Array(terms.length + 1);
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    termStart[t] = total;
    total += lists.get(terms[t]!)!.length;
  }
  termStart[terms.length] = total;
  const postings = new Int32Array(total);
  for (let t = 0; t < terms.length; t++) postings.set(lists.get(terms[t]!)!, termStart[t]!);

  const entries: Array<{ phrase: string; entity: number }> = new Array(phraseCount);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (names[i]) entries[k++] = { phrase: names[i]!, entity: i };
    for (const a of aliases[i]!) entries[k++] = { phrase: a, entity: ~i };
  }
  entries.length = k;
  entries.sort((a, b) => byString(a.phrase, b.phrase));
  return {
    phrases: entries.map((e) => e.phrase),
    phraseEntity: Int32Array.from(entries, (e) => e.entity),
    terms,
    termStart,
    postings,
    texts,
    nameLengths,
  };
}
