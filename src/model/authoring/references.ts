/**
 * Who each sentence of a text is about: the entities it names, and the people and events it refers to
 * without naming them. Articles name a person once and then say "he"; the loom would miss most of
 * their relations without these rules, which are deliberately few and plain:
 *
 * - "He"/"she" (or "his"/"her") opening a sentence, or saying who spoke right after a quotation
 *   (“…,” he said), is the person the text is about: the first person named in the last sentence that
 *   named one (a sentence opening with a pronoun keeps that person).
 * - "his", "her", "he" elsewhere are the person the sentence already names, if any; else the person
 *   named last.
 * - "him" (and "her" before punctuation) is the person named last who is not in the sentence already
 *   ("John Roe thanked her").
 * - "they", "them", "their", "the two leaders" are the two people the last few sentences are most
 *   about (named or referred to most often, the later first among equals), not merely the last two
 *   named: "The two leaders" after a paragraph on Trump and Putin that ends on a minister is still them.
 * - "the meeting", "that case" and other definite event words are the event named last, by its name or
 *   by words of its description ("his first impeachment trial").
 *
 * All of it only within a few sentences back and never inside quotation marks (there "he" is the
 * speaker's). Words that could be several entities ("the summit") are the one named last.
 */
import type { EntityRecord } from '../format/schema';
import { quotedSpans } from './cues';
import type { EntityHit, EntityMatcher } from './entity-matcher';
import type { Span } from './sentences';

export interface Named {
  entityId: string;
  span: Span;
  /** Referred to (a pronoun, a description) rather than named. */
  implied: boolean;
  /** The pronoun or words that referred to it, lowercase. */
  via?: string;
}

const PRONOUN = /\b(?:he|him|his|she|her)\b/giu;
const PLURAL = /\b(?:they|them|their|the two(?: leaders| men| women| presidents| sides)?)\b/iu;
const EVENT_WORDS =
  /\b(?:the|that|this) (?:meeting|summit|call|conversation|talks|visit|trial|election|vote|deal|agreement|interview|investigation|war|negotiations|case|attack|protest)\b/giu;

/** Hits that could be several entities become the one named last before them, or are dropped. */
function resolveCandidates(hits: EntityHit[], lastNamed: Map<string, number>): EntityHit[] {
  const out: EntityHit[] = [];
  for (const h of hits) {
    let id: string | undefined = h.entityId;
    if (h.candidates) {
      id = undefined;
      let best = -1;
      for (const c of h.candidates) {
        const at = lastNamed.get(c);
        if (at !== undefined && at > best) [id, best] = [c, at];
      }
    }
    if (id === undefined) continue;
    out.push({ entityId: id, span: h.span, ...(h.weak ? { weak: true } : {}) });
    lastNamed.set(id, h.span.start);
  }
  return out;
}

/** The two people mentioned in most of the last three sentences and this one before `at`, the later first among equals. */
function mostMentioned(
  people: ReadonlyArray<{ id: string; at: number; sentence: number }>,
  index: number,
  at: number,
): string[] {
  const count = new Map<string, { n: number; last: number }>();
  for (let k = people.length - 1; k >= 0 && index - people[k]!.sentence <= 3; k--) {
    const p = people[k]!;
    if (p.at >= at) continue;
    const c = count.get(p.id) ?? { n: 0, last: p.at };
    c.n++;
    count.set(p.id, c);
  }
  return [...count]
    .sort(([, x], [, y]) => y.n - x.n || y.last - x.last)
    .slice(0, 2)
    .map(([id]) => id);
}

export function namedInSentences(
  text: string,
  sentences: readonly Span[],
  matcher: EntityMatcher,
  entities: readonly EntityRecord[],
): Named[][] {
  const typeOf = new Map(entities.map((e) => [e.id, e.type]));
  const lastNamed = new Map<string, number>();
  // People and events as the text goes, named or referred to, with the sentence they came up in.
  const people: Array<{ id: string; at: number; sentence: number }> = [];
  const events: Array<{ id: string; sentence: number }> = [];
  let subject: { id: string; sentence: number } | undefined;

  return sentences.map((sentence, index) => {
    const hits = resolveCandidates(matcher.find(text, sentence), lastNamed);
    const named: Named[] = [];
    const add = (id: string, span: Span, implied: boolean, via?: string) => {
      if (named.some((n) => n.entityId === id)) return;
      named.push({ entityId: id, span, implied, ...(via ? { via } : {}) });
      if (typeOf.get(id) === 'person') people.push({ id, at: span.start, sentence: index });
    };
    const sentenceText = text.slice(sentence.start, sentence.end);
    const quoted = quotedSpans(sentenceText);
    const outside = (i: number) => !quoted.some((q) => i >= q.start && i < q.end);
    const recent = (within: number, not: (id: string) => boolean, before: number) => {
      for (let k = people.length - 1; k >= 0 && index - people[k]!.sentence <= within; k--)
        if (people[k]!.at < before && !not(people[k]!.id)) return people[k]!.id;
      return undefined;
    };
    const personIn = (before: number) =>
      named.find((n) => typeOf.get(n.entityId) === 'person' && n.span.start < before)?.entityId;

    // Names and pronouns in text order.
    const pronouns = [...sentenceText.matchAll(PRONOUN)].filter((m) => outside(m.index));
    let h = 0;
    for (const m of pronouns) {
      const at = sentence.start + m.index;
      for (; h < hits.length && hits[h]!.span.start < at; h++)
        add(hits[h]!.entityId, hits[h]!.span, !!hits[h]!.weak);
      const word = m[0].toLowerCase();
      const span = { start: at, end: at + m[0].length };
      const opening = /(?:^|[”"],?)[\s“"‘'(]*$/.test(sentenceText.slice(0, m.index));
      const object =
        word === 'him' || (word === 'her' && /^her\s*(?:[.,;:!?]|$)/iu.test(sentenceText.slice(m.index)));
      let id: string | undefined;
      if (opening && !object)
        id = subject && index - subject.sentence <= 3 ? subject.id : recent(2, () => false, at);
      else if (object) id = recent(2, (x) => named.some((n) => n.entityId === x), at);
      else id = personIn(at) ?? recent(2, () => false, at);
      if (id) add(id, span, true, word);
    }
    for (; h < hits.length; h++) add(hits[h]!.entityId, hits[h]!.span, !!hits[h]!.weak);

    const plural = PLURAL.exec(sentenceText);
    if (plural && outside(plural.index)) {
      const at = sentence.start + plural.index;
      const pair = mostMentioned(people, index, at);
      if (pair.length === 2)
        for (const id of pair)
          add(id, { start: at, end: at + plural[0].length }, true, plural[0].toLowerCase());
    }
    for (const m of sentenceText.matchAll(EVENT_WORDS)) {
      const last = events[events.length - 1];
      if (!outside(m.index) || !last || index - last.sentence > 2) continue;
      const at = sentence.start + m.index;
      add(last.id, { start: at, end: at + m[0].length }, true, m[0].toLowerCase());
    }

    // Named, or found by words of its description; not an event word resolved just above.
    for (const n of named)
      if (typeOf.get(n.entityId) === 'event' && !n.via) events.push({ id: n.entityId, sentence: index });
    const opensWithPronoun = /^[\s“"‘'(]*(?:he|she|his|her)\b/i.test(sentenceText);
    const firstPerson = named.find((n) => typeOf.get(n.entityId) === 'person');
    if (opensWithPronoun && firstPerson) subject = { id: firstPerson.entityId, sentence: index };
    else if (firstPerson && !firstPerson.implied) subject = { id: firstPerson.entityId, sentence: index };
    return named.sort((a, b) => a.span.start - b.span.start);
  });
}
