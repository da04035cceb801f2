/** Pure edits of the Filters value; each returns a new object with new sets so the store sees a change. */
import type { Filters } from '../../model/core/filters';
import { STATUSES, type Status } from '../../model/core/vocabulary';

type SetKey = 'hiddenEntityTypes' | 'hiddenRelationTypes' | 'hiddenStatuses';
type Member<K extends SetKey> = Filters[K] extends ReadonlySet<infer T> ? T : never;

/** Shows a hidden option or hides a shown one. */
export function toggleHidden<K extends SetKey>(filters: Filters, key: K, value: Member<K>): Filters {
  const next = new Set<Member<K>>(filters[key] as ReadonlySet<Member<K>>);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return { ...filters, [key]: next };
}

/** Hides every option of a facet except `shown`. */
export function showOnly<K extends SetKey>(
  filters: Filters,
  key: K,
  all: readonly Member<K>[],
  shown: readonly Member<K>[],
): Filters {
  return { ...filters, [key]: new Set(all.filter((v) => !shown.includes(v))) };
}

/** Statuses at least as firm as `weakest` stay; the rest are hidden ("facts only" is weakest = fact). */
export const statusesFrom = (filters: Filters, weakest: Status): Filters =>
  showOnly(filters, 'hiddenStatuses', STATUSES, STATUSES.slice(0, STATUSES.indexOf(weakest) + 1));

export const setTimeRange = (filters: Filters, timeRange: Filters['timeRange']): Filters => ({
  ...filters,
  timeRange,
});

/** How many separate filters are active, for the toolbar badge. */
export const activeFilterCount = (f: Filters): number =>
  f.hiddenEntityTypes.size + f.hiddenRelationTypes.size + f.hiddenStatuses.size + (f.timeRange ? 1 : 0);
