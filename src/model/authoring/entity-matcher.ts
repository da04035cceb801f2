/**
 * Where the draft's entities are named in a text: by name, by alias, by the name without its
 * parenthesis ("Helsinki summit (July 2018)"), a person by surname alone when no other person has that
 * surname, a country by its adjective ("Russian" for Russia). Case is ignored and a possessive ending
 * allowed, so "Trump’s" is Donald Trump. A surname several people share, alone or after a courtesy title
 * ("Mr. Trump’s"), and a title a person's names or role carry ("the president"), could be any of them:
 * they are reported with every candidate, and the reader of the text takes the one named last. Descriptive names ("Temporary suspension of aid to Ukraine")
 * are also found, as weak hits, by two of their lowercase words side by side ("suspension of aid" gives
 * "temporary suspension"), since a text seldom repeats a description word for word.
 */
import type { EntityRecord } from '../format/schema';
import { foldLenient } from './lenient';
import { HONORIFICS, leadingTitle, mentionKey, surnameOf } from './names';
import type { Span } from './sentences';

export interface EntityHit {
  entityId: string;
  span: Span;
  /** Found by words of a descriptive name ("the summit", "impeachment trial"), not by a name. */
  weak?: boolean;
  /**
   * Every entity those words could be, when more than one ("the summit" of two summits); `entityId` is
   * the first. The loom takes the one named last before.
   */
  candidates?: string[];
}

export interface EntityMatcher {
  /** Every naming of an entity, in text order; overlapping names resolve to the longest. */
  find(text: string, within?: Span): EntityHit[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Adjectives of countries that do not follow the rules in demonymsOf. */
const DEMONYMS: Record<string, string[]> = {
  china: ['chinese'],
  'united states': ['american'],
  'united kingdom': ['british'],
  britain: ['british'],
  france: ['french'],
  germany: ['german'],
  japan: ['japanese'],
  israel: ['israeli'],
  iraq: ['iraqi'],
  turkey: ['turkish'],
  poland: ['polish'],
  spain: ['spanish'],
  sweden: ['swedish'],
  finland: ['finnish'],
  netherlands: ['dutch'],
  switzerland: ['swiss'],
  vietnam: ['vietnamese'],
  lebanon: ['lebanese'],
  pakistan: ['pakistani'],
  iran: ['iranian'],
  denmark: ['danish'],
  greece: ['greek'],
};

function demonymsOf(key: string): string[] {
  if (DEMONYMS[key]) return DEMONYMS[key]!;
  if (key.includes(' ')) return [];
  if (key.endsWith('ia') || key.endsWith('ca') || key.endsWith('ea')) return [`${key}n`]; // Russian, American, Korean
  if (key.endsWith('e')) return [`${key.slice(0, -1)}ian`]; // Ukrainian
  return [];
}

/** Words that carry no meaning of their own in a description. */
const FILLER = new Set(
  'the a an of in on at to for from with and or by about over into out as so-called its his her their'.split(
    ' ',
  ),
);

/** Words after which a descriptive name goes on to say of what, where or when ("Suspension of aid"). */
const QUALIFIERS = new Set(
  'of out from in on at to for with between before after that which who against by about over during'.split(
    ' ',
  ),
);

/**
 * The shorter ways a text refers to what a descriptive name describes: pairs of adjacent lowercase
 * content words ("impeachment trial"), the head noun ("trial", "theory", "notes") and the last two or
 * three words ending in it ("NBC interview", "Fox News interview").
 */
function descriptionForms(name: string): string[] {
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim();
  const original = plain.split(/[\s,–]+/).filter(Boolean);
  const words = original.map((w) => foldLenient(w).text.replace(/'s$|'$/, ''));
  const proper = (i: number) => i > 0 && /^\p{Lu}/u.test(original[i]!);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (FILLER.has(a) || FILLER.has(b) || proper(i) || proper(i + 1)) continue;
    if (!/^[\p{L}-]{3,}$/u.test(a) || !/^[\p{L}-]{3,}$/u.test(b)) continue;
    out.push(`${a} ${b}`);
  }
  let end = words.findIndex((w, i) => i > 0 && QUALIFIERS.has(w));
  if (end === -1) end = words.length;
  let head = end - 1;
  // "Trademarks registered in Russia": the noun is before the participle. (Not "-ing": "funding out of".)
  if (head > 0 && end < words.length && /ed$/.test(words[head]!) && !FILLER.has(words[head - 1]!)) head--;
  if (head >= 0 && !proper(head) && /^\p{L}{4,}$/u.test(words[head]!) && !FILLER.has(words[head]!)) {
    out.push(words[head]!);
    for (let k = 2; k <= 3 && head - k + 1 >= 0; k++) {
      const from = head - k + 1;
      if (words.slice(from, head + 1).some((w) => FILLER.has(w))) break;
      out.push(words.slice(from, head + 1).join(' '));
    }
  }
  return out;
}

/** The written forms an entity can be recognised by, folded like the text. */
function formsOf(e: EntityRecord, surnameOwners: Map<string, number>): string[] {
  const names = [e.name, ...(e.aliases ?? [])];
  const forms = new Set<string>();
  for (const n of names) {
    const plain = n.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    // "APEC Economic Leaders’ Meeting 2017": the year is the dataset's precision, not the text's words.
    const yearless = plain.replace(/\s+(?:1[5-9]|20)\d\d$/, '');
    for (const f of [n, plain, yearless, yearless.replace(/^the\s+/i, '')])
      if (f.length > 1) forms.add(foldLenient(f).text);
    if (e.type === 'country') for (const d of demonymsOf(mentionKey(n))) forms.add(d);
  }
  if (e.type === 'person') {
    const surname = surnameOf(mentionKey(e.name));
    if (surname.length > 2 && surnameOwners.get(surname) === 1) forms.add(surname);
  }
  return [...forms].filter((f) => /\p{L}/u.test(f));
}

export function entityMatcher(entities: readonly EntityRecord[]): EntityMatcher {
  const surnameOwners = new Map<string, number>();
  for (const e of entities)
    if (e.type === 'person') {
      const s = surnameOf(mentionKey(e.name));
      surnameOwners.set(s, (surnameOwners.get(s) ?? 0) + 1);
    }
  const byForm = new Map<string, string>();
  for (const e of entities)
    for (const f of formsOf(e, surnameOwners)) {
      // A form two entities share names neither for sure; the earlier entity keeps it.
      if (!byForm.has(f)) byForm.set(f, e.id);
    }
  // Descriptive forms and shared names may belong to several entities; the matcher reports them all.
  const weak = new Map<string, string[]>();
  const shared = new Map<string, string[]>();
  const own = (map: Map<string, string[]>, f: string, id: string) => {
    if (byForm.has(f)) return;
    const owners = map.get(f) ?? [];
    if (!owners.includes(id)) owners.push(id);
    map.set(f, owners);
  };
  for (const e of entities) {
    for (const n of [e.name, ...(e.aliases ?? [])]) for (const f of descriptionForms(n)) own(weak, f, e.id);
    if (e.type !== 'person') continue;
    const titles = [e.name, ...(e.aliases ?? [])].map((n) => leadingTitle(n));
    if (e.role) titles.push(leadingTitle(e.role, true));
    for (const t of titles) if (t) own(weak, `the ${t}`, e.id);
    const surname = surnameOf(mentionKey(e.name));
    if (surname.length <= 2 || !e.name.includes(' ')) continue;
    for (const h of HONORIFICS) for (const f of [`${h}. ${surname}`, `${h} ${surname}`]) own(shared, f, e.id);
    if ((surnameOwners.get(surname) ?? 0) > 1) own(shared, surname, e.id);
  }
  for (const [f, owners] of [...weak, ...shared]) byForm.set(f, owners[0]!);
  if (byForm.size === 0) return { find: () => [] };
  // Longest first, so the alternation prefers "donald trump jr." over "donald trump".
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?:'s|'|s)?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const lookup = (m: string) => {
    for (const form of [m, m.replace(/'s?$/, ''), m.replace(/s$/, '')]) if (byForm.has(form)) return form;
    return undefined;
  };
  return {
    find(text, within) {
      const from = within?.start ?? 0;
      const to = within?.end ?? text.length;
      const folded = foldLenient(text.slice(from, to));
      const hits: EntityHit[] = [];
      const add = (index: number, length: number, form: string) => {
        const start = from + folded.from[index]!;
        const end = from + folded.from[index + length - 1]! + 1;
        const owners = weak.get(form) ?? shared.get(form);
        hits.push({
          entityId: byForm.get(form)!,
          span: { start, end },
          ...(weak.has(form) ? { weak: true } : {}),
          ...(owners && owners.length > 1 ? { candidates: owners } : {}),
        });
      };
      for (const m of folded.text.matchAll(pattern)) {
        const form = lookup(m[0]);
        if (!form) continue;
        add(m.index, m[0].length, form);
        // A name inside the name just found is named too ("the U.S. President" names the U.S.).
        const whole = m[0];
        const starts = [0, ...[...whole.matchAll(/ /g)].map((w) => w.index + 1)];
        const ends = [...[...whole.matchAll(/ /g)].map((w) => w.index), whole.length];
        for (const s of starts)
          for (const e of ends) {
            if (e <= s || (s === 0 && e === whole.length)) continue;
            const f = lookup(whole.slice(s, e));
            if (f && byForm.get(f) !== byForm.get(form) && !weak.has(f) && !shared.has(f))
              add(m.index + s, e - s, f);
          }
      }
      return hits.sort((a, b) => a.span.start - b.span.start);
    },
  };
}
