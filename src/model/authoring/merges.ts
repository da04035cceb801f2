/** Entities that are probably one: their names or aliases meet on the same key, or one is the other's surname. */
import type { EntityRecord } from '../format/schema';
import { mentionKey, surnameOf } from './names';

export interface MergeSuggestion {
  keep: string;
  merge: string;
  reason: string;
}

const namesOf = (e: EntityRecord) => [e.name, ...(e.aliases ?? [])];

/**
 * Pairs to merge, the entity with more names (then the earlier one) kept. Each pair is suggested once,
 * with the first name pair that links them; entities of different types are suggested only when a
 * full name matches, not on a bare surname.
 */
export function suggestMerges(entities: readonly EntityRecord[]): MergeSuggestion[] {
  const byKey = new Map<string, Array<{ entity: EntityRecord; name: string }>>();
  for (const entity of entities)
    for (const name of namesOf(entity)) {
      const key = mentionKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.some((x) => x.entity === entity)) list.push({ entity, name });
      byKey.set(key, list);
    }
  const out: MergeSuggestion[] = [];
  const seen = new Set<string>();
  const suggest = (a: EntityRecord, b: EntityRecord, reason: string, ordered = false) => {
    if (a === b) return;
    const pair = [a.id, b.id].sort().join('\u0000');
    if (seen.has(pair)) return;
    seen.add(pair);
    const rank = (e: EntityRecord) => namesOf(e).length;
    // The full name is kept over the surname; otherwise the entity with more names, then the earlier.
    const [keep, merge] = ordered
      ? [a, b]
      : rank(b) > rank(a) || (rank(b) === rank(a) && entities.indexOf(b) < entities.indexOf(a))
        ? [b, a]
        : [a, b];
    out.push({ keep: keep.id, merge: merge.id, reason });
  };
  for (const list of byKey.values())
    for (let i = 1; i < list.length; i++)
      suggest(
        list[0]!.entity,
        list[i]!.entity,
        `“${list[0]!.name}” and “${list[i]!.name}” are the same name`,
      );
  // A person named by surname alone ("Steele") and the one person whose full name ends in it.
  const people = entities.filter((e) => e.type === 'person');
  for (const e of people)
    for (const name of namesOf(e)) {
      const key = mentionKey(name);
      if (key.includes(' ')) continue;
      const owners = people.filter(
        (p) =>
          p !== e && namesOf(p).some((n) => mentionKey(n).includes(' ') && surnameOf(mentionKey(n)) === key),
      );
      if (owners.length === 1)
        suggest(owners[0]!, e, `“${name}” is the surname of “${owners[0]!.name}”`, true);
    }
  return out;
}
