/**
 * Names in a source text, grouped: the "tags" a reporter accepts as entities. compromise tags every word
 * (person, organisation, place); the names themselves are runs of capitalised words read off the text,
 * so a name compromise does not know ("Trump" alone, "Kremlin") is still found, and its tag comes from
 * the other forms in its group ("Donald Trump").
 */
import nlp from 'compromise';
import type { EntityType } from '../core/vocabulary';
import { mentionKey, surnameOf } from './names';
import { splitSentences, type Span } from './sentences';

export { mentionKey } from './names';

export type MentionTag = 'person' | 'organization' | 'place' | 'other';

export interface Mention {
  key: string;
  label: string;
  tag: MentionTag;
  /** The entity type proposed for it: the tag's, with a country told apart from other places. */
  entityType: EntityType;
  count: number;
  /** Distinct surface forms, most frequent first. */
  forms: string[];
  spans: Span[];
}

export function entityTypeForTag(tag: MentionTag): EntityType {
  return tag === 'other' ? 'organization' : tag;
}

/** Capitalised words that are not names at the start of a sentence or anywhere. */
const NOT_NAMES = new Set(
  (
    'i a an the he she it we they you his her its our their my your this that these those there here ' +
    'what who whom whose which where when why how if but and or so yet for nor as at by in on of to ' +
    'from with without about after before since until while although though because not no nothing ' +
    'everything something anything all some any each every both either neither one two just only also ' +
    'perhaps maybe still even then now once again ultimately meanwhile however instead indeed ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december photo file sign up'
  ).split(' '),
);
/** Words that lowercase ("of", "bin") may sit inside a name between capitalised ones. */
const CONNECTORS = new Set(['of', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'da', 'du', 'la', 'le']);
const EVENT_WORDS =
  /\b(?:summit|meeting|election|war|trial|conference|congress|games|olympics|festival|crisis|revolution|agreement|treaty|accord|protest|attack|talks|forum|scandal)$/;
const MEDIA_WORDS =
  /\b(?:news|times|post|journal|tv|radio|magazine|gazette|herald|tribune|daily|weekly|review)$/;

interface Token {
  start: number;
  /** End of the word without its possessive ending or full stop. */
  end: number;
  /** End of the word as written, possessive included. */
  rawEnd: number;
  text: string;
  /** Ends in a possessive ("Trump’s", "Leaders’"), which ends a name unless a plural one continues it. */
  possessive: 'singular' | 'plural' | null;
}

// A word: letters or digits, with inner dots (U.S.), hyphens (Jong-un) and apostrophes (O’Brien).
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?(?:['’]s?)?/gu;

function tokens(text: string, span: Span): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = span.start;
  for (let m = WORD.exec(text); m && m.index < span.end; m = WORD.exec(text)) {
    let word = m[0];
    let possessive: Token['possessive'] = null;
    if (/['’]s$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = 'singular';
    } else if (/s['’]$/.test(word)) {
      word = word.slice(0, -1);
      possessive = 'plural';
    } else if (/['’]$/.test(word)) word = word.slice(0, -1);
    // A full stop ends the word unless the word is an initialism ("U.S.", "D.C.", "Jr.").
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word) && !/^(?:jr|sr|st|mr|mrs|ms|dr)\.$/i.test(word))
      word = word.slice(0, -1);
    out.push({
      start: m.index,
      end: m.index + word.length,
      rawEnd: m.index + m[0].length,
      text: word,
      possessive,
    });
  }
  return out;
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w) || /^\p{N}+$/u.test(w);
const allCaps = (w: string) => /^[\p{Lu}\p{N}]{2,}$/u.test(w);

type Tags = ReadonlySet<string>;
const NO_TAGS: Tags = new Set();

/**
 * compromise's tags for the words of one name, by offset in the name. Names are tagged on their own, each
 * distinct one once: tagging every word of a 20,000-word text costs seconds, its few hundred names
 * milliseconds, and compromise tells a person, place or organisation mostly from the name itself.
 */
function tagger(): (phrase: string) => Map<number, Tags> {
  const cache = new Map<string, Map<number, Tags>>();
  type Term = { offset: { start: number }; tags: string[] };
  return (phrase) => {
    let tags = cache.get(phrase);
    if (!tags) {
      tags = new Map();
      const sentences = nlp(phrase).json({ offset: true, text: false, normal: false }) as Array<{
        terms: Term[];
      }>;
      for (const s of sentences) for (const t of s.terms) tags.set(t.offset.start, new Set(t.tags));
      cache.set(phrase, tags);
    }
    return tags;
  };
}

const NER_TAG = (tags: Tags): MentionTag | null =>
  tags.has('Person') && !tags.has('Honorific')
    ? 'person'
    : tags.has('Organization')
      ? 'organization'
      : tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')
        ? 'place'
        : null;

interface Occurrence {
  span: Span;
  form: string;
  tag: MentionTag | null;
  country: boolean;
}

/** Hyphenated words that are not names though capitalised: "Western-led", "Anti-Trump". */
const NOT_NAME_PREFIX = /^(?:anti|pro|ex|non|post|pre|neo|pan|mid|un)-/i;
const LOWER_TAIL = /-\p{Ll}+$/u;
/** Adjectives of nationality or direction ("Russian", "British", "Western"), which name no entity alone. */
const DEMONYM = /(?:ian|ish|ese|ean|ern|an|ic|i)$/;

/** The names in one sentence: runs of capitalised words, split at possessives, commas and slashes. */
function namesIn(text: string, sentence: Span, context: Context) {
  const out: Occurrence[] = [];
  const words = tokens(text, sentence);
  // "Jong-un" continues a name; "Western-led" does not start one.
  const isName = (t: Token) => capitalised(t.text) && !NOT_NAME_PREFIX.test(t.text) && !/^I['’]/.test(t.text);
  let i = 0;
  while (i < words.length) {
    if (!isName(words[i]!) || LOWER_TAIL.test(words[i]!.text)) {
      i++;
      continue;
    }
    const run: Token[] = [words[i]!];
    let j = i + 1;
    while (j < words.length && run[run.length - 1]!.possessive !== 'singular') {
      const last = run[run.length - 1]!;
      const gap = text.slice(last.rawEnd, words[j]!.start);
      const w = words[j]!;
      // A name does not run on over the full stop that ends a sentence ("Russia. Tougher").
      if (last.rawEnd > last.end && text[last.end] === '.') break;
      if (gap === ' ' && isName(w)) run.push(w);
      else if (gap === ', ' && /^(?:\p{Lu}\.){2}$/u.test(w.text))
        run.push(w); // "Washington, D.C."
      else if (
        gap === ' ' &&
        CONNECTORS.has(w.text) &&
        j + 1 < words.length &&
        isName(words[j + 1]!) &&
        text.slice(w.rawEnd, words[j + 1]!.start) === ' '
      ) {
        run.push(w, words[j + 1]!);
        j++;
      } else break;
      j++;
    }
    i = j;
    // Drop leading words that are not names ("The Kremlin", "In Moscow", "So Trump").
    while (run.length > 0 && NOT_NAMES.has(run[0]!.text.toLowerCase())) run.shift();
    while (run.length > 0 && NOT_NAMES.has(run[run.length - 1]!.text.toLowerCase())) run.pop();
    // A name has a capitalised word in it ("March 16" leaves "16").
    if (!run.some((t) => /\p{Lu}/u.test(t.text))) continue;
    // Sentence start: nothing but opening marks between the sentence start (or a colon) and the name.
    const before = text.slice(sentence.start, run[0]!.start);
    const first = /(?:^|[:;.!?“"‘«([—–])[\s“"‘'([«—–-]*$/.test(before);
    const phrase = context.tag(text.slice(run[0]!.start, run[run.length - 1]!.end));
    const ner = run.map((t) => phrase.get(t.start - run[0]!.start) ?? NO_TAGS);
    const tag = ner.map(NER_TAG).find((t) => t !== null) ?? null;
    const letters = run.filter((t) => /\p{L}/u.test(t.text));
    // Shouted words ("WITCH HUNT", "HOAX") are emphasis, not names, unless compromise knows them;
    // a code with digits ("G20") is a name.
    if (tag === null && letters.every((t) => allCaps(t.text) && !/\p{N}/u.test(t.text))) continue;
    if (run.length === 1) {
      const t = run[0]!;
      const own = ner[0]!;
      if ((tag === null || tag === 'organization') && (own.has('Demonym') || DEMONYM.test(t.text))) continue;
      // Capitalised verbs and adjectives ("Adapted by", "Tougher than") are headings and emphasis.
      if (tag === null && !own.has('Noun') && !own.has('ProperNoun')) continue;
      // At a sentence start a capitalised word is a name only if compromise says so or the text also
      // writes it capitalised elsewhere and never in lowercase ("Trump" yes, "Tougher" and "Analysis" no).
      if (
        first &&
        tag === null &&
        (context.lowercase.has(t.text.toLowerCase()) || !context.midCaps.has(t.text))
      )
        continue;
    }
    const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
    out.push({
      span,
      form: text.slice(span.start, span.end),
      tag,
      country: ner.some((t) => t.has('Country')),
    });
  }
  return out;
}

interface Context {
  tag: (phrase: string) => Map<number, Tags>;
  lowercase: ReadonlySet<string>;
  /** Capitalised words seen away from a sentence start. */
  midCaps: ReadonlySet<string>;
}

function capitalisedMidSentence(text: string, sentences: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    const words = tokens(text, s);
    for (let i = 1; i < words.length; i++) {
      const before = text.slice(words[i - 1]!.rawEnd, words[i]!.start);
      if (capitalised(words[i]!.text) && !/[.!?:“"]/.test(before)) out.add(words[i]!.text);
    }
  }
  return out;
}

/** Lowercase words of the text, to tell "Perhaps" (a word) from "Putin" (a name) at a sentence start. */
function lowercaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
}

interface Group {
  key: string;
  occurrences: Occurrence[];
}

function tagOf(occurrences: readonly Occurrence[]): MentionTag {
  const votes = new Map<MentionTag, number>();
  for (const o of occurrences) if (o.tag) votes.set(o.tag, (votes.get(o.tag) ?? 0) + 1);
  let best: MentionTag = 'other';
  let most = 0;
  for (const [tag, n] of votes) if (n > most) [best, most] = [tag, n];
  return best;
}

/** A one-word key joins the one multi-word person it is the surname of ("trump" → "donald trump"). */
function foldSurnames(groups: Map<string, Group>) {
  const people = [...groups.values()].filter((g) => g.key.includes(' ') && tagOf(g.occurrences) === 'person');
  for (const g of [...groups.values()]) {
    if (g.key.includes(' ')) continue;
    let owners = people.filter((p) => surnameOf(p.key) === g.key);
    // "Donald Trump Jr." extends "Donald Trump": the shorter name is the one a bare surname means.
    owners = owners.filter((o) => !owners.some((p) => p !== o && o.key.startsWith(`${p.key} `)));
    if (owners.length !== 1) continue;
    owners[0]!.occurrences.push(...g.occurrences);
    groups.delete(g.key);
  }
}

function entityTypeOf(key: string, tag: MentionTag, occurrences: readonly Occurrence[]): EntityType {
  if (tag === 'place' && occurrences.some((o) => o.country)) return 'country';
  if (tag !== 'other') return tag;
  if (EVENT_WORDS.test(key)) return 'event';
  if (MEDIA_WORDS.test(key)) return 'media';
  return entityTypeForTag(tag);
}

function toMention(g: Group): Mention {
  const occurrences = g.occurrences.sort((a, b) => a.span.start - b.span.start);
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o.form, (counts.get(o.form) ?? 0) + 1);
  const forms = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f]) => f);
  // The fullest form names it; written as the text usually writes it (not "BERLIN" when "Berlin" occurs).
  const words = (f: string) => f.split(/\s+/).length;
  const label = [...forms].sort((a, b) => words(b) - words(a) || Number(allCaps(a)) - Number(allCaps(b)))[0]!;
  const tag = tagOf(occurrences);
  return {
    key: g.key,
    label: label.replace(/^the\s+/i, ''),
    tag,
    entityType: entityTypeOf(g.key, tag, occurrences),
    count: occurrences.length,
    forms,
    spans: occurrences.map((o) => o.span),
  };
}

/** The names of a text grouped by key, most mentioned first. */
export function findMentions(text: string): Mention[] {
  if (text.trim() === '') return [];
  const sentences = splitSentences(text);
  const context: Context = {
    tag: tagger(),
    lowercase: lowercaseWords(text),
    midCaps: capitalisedMidSentence(text, sentences),
  };
  const groups = new Map<string, Group>();
  for (const sentence of sentences)
    for (const o of namesIn(text, sentence, context)) {
      const key = mentionKey(o.form);
      if (key === '' || NOT_NAMES.has(key)) continue;
      const g = groups.get(key) ?? { key, occurrences: [] };
      g.occurrences.push(o);
      groups.set(key, g);
    }
  foldSurnames(groups);
  return [...groups.values()]
    .map(toMention)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
