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

/** Shows a source set aside, or sets a shown one aside. */
export function toggleSource(filters: Filters, sourceId: string): Filters {
  const next = new Set(filters.hiddenSources);
  if (next.has(sourceId)) next.delete(sourceId);
  else next.add(sourceId);
  return { ...filters, hiddenSources: next };
}

/** Only this source speaks ("what does the report say?"); null brings every source back. */
export const onlySource = (filters: Filters, all: readonly string[], sourceId: string | null): Filters => ({
  ...filters,
  hiddenSources: new Set(sourceId === null ? [] : all.filter((id) => id !== sourceId)),
});

export const setMinSources = (filters: Filters, minSources: number): Filters => ({
  ...filters,
  minSources: Math.max(1, Math.floor(minSources)),
});

export const setContestedOnly = (filters: Filters, contestedOnly: boolean): Filters => ({
  ...filters,
  contestedOnly,
});

/** How many separate filters are active, for the toolbar badge. */
export const activeFilterCount = (f: Filters): number =>
  f.hiddenEntityTypes.size +
  f.hiddenRelationTypes.size +
  f.hiddenStatuses.size +
  (f.timeRange ? 1 : 0) +
  (f.hiddenSources?.size ?? 0) +
  ((f.minSources ?? 1) > 1 ? 1 : 0) +
  (f.contestedOnly ? 1 : 0);
