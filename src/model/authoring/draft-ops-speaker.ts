/** Small readings of a proposal for the cite form: which entity a speaker's name is, how precise a date is. */
import type { EntityRecord } from '../format/schema';

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s$/, '')
    .trim();

/** The entity a proposed speaker's name names: its name or an alias, or the surname of one person only. */
export function speakerFor(name: string | undefined, entities: readonly EntityRecord[]): string | undefined {
  if (!name) return undefined;
  const n = fold(name);
  const names = (e: EntityRecord) => [e.name, ...(e.aliases ?? [])].map(fold);
  const named = entities.find((e) => names(e).includes(n));
  if (named) return named.id;
  // A surname names a person only when no other person has it.
  const bySurname = entities.filter(
    (e) => e.type === 'person' && names(e).some((x) => x.split(/\s+/).pop() === n),
  );
  return bySurname.length === 1 ? bySurname[0]!.id : undefined;
}

export function precisionOf(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'day';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{3}0s$/.test(date)) return 'decade';
  return 'not a date the format knows ("2018", "2018-07" or "2018-07-16")';
}
