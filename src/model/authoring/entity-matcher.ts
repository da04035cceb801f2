/**
 * Where the draft's entities are named in a text: by name, by alias, by the name without its
 * parenthesis ("Helsinki summit (July 2018)"), and a person by surname alone when no other person has
 * that surname. Case is ignored and a possessive ending allowed, so "Trump’s" is Donald Trump.
 */
import type { EntityRecord } from '../format/schema';
import { foldLenient } from './lenient';
import { mentionKey, surnameOf } from './names';
import type { Span } from './sentences';

export interface EntityHit {
  entityId: string;
  span: Span;
}

export interface EntityMatcher {
  /** Every naming of an entity, in text order; overlapping names resolve to the longest. */
  find(text: string, within?: Span): EntityHit[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The written forms an entity can be recognised by, folded like the text. */
function formsOf(e: EntityRecord, surnameOwners: Map<string, number>): string[] {
  const names = [e.name, ...(e.aliases ?? [])];
  const forms = new Set<string>();
  for (const n of names) {
    const plain = n.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    for (const f of [n, plain, plain.replace(/^the\s+/i, '')])
      if (f.length > 1) forms.add(foldLenient(f).text);
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
  if (byForm.size === 0) return { find: () => [] };
  // Longest first, so the alternation prefers "donald trump jr." over "donald trump".
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?:'s|')?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return {
    find(text, within) {
      const from = within?.start ?? 0;
      const to = within?.end ?? text.length;
      const folded = foldLenient(text.slice(from, to));
      const hits: EntityHit[] = [];
      for (const m of folded.text.matchAll(pattern)) {
        let form = m[0];
        if (!byForm.has(form)) form = form.replace(/'s?$/, '');
        const entityId = byForm.get(form);
        if (!entityId) continue;
        const start = from + folded.from[m.index]!;
        const end = from + folded.from[m.index + m[0].length - 1]! + 1;
        hits.push({ entityId, span: { start, end } });
      }
      return hits;
    },
  };
}
