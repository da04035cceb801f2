/** What the user has filtered out; the default hides nothing. Pure predicates over records. */
import { overlaps, type ResolvedDate } from './dates';
import type { EntityRecord, RelationRecord } from '../format/schema';
import type { EntityTypeInfo } from './entity-types';
import { ENTITY_TYPES, type EntityType, type Status } from './vocabulary';

export interface Filters {
  hiddenEntityTypes: ReadonlySet<EntityType>;
  hiddenRelationTypes: ReadonlySet<string>;
  hiddenStatuses: ReadonlySet<Status>;
  /** Inclusive ISO day range; dated elements outside it are hidden, undated ones stay. */
  timeRange: { from: string; to: string } | null;
}

export const NO_FILTERS: Filters = {
  hiddenEntityTypes: new Set(),
  hiddenRelationTypes: new Set(),
  hiddenStatuses: new Set(),
  timeRange: null,
};

const inTime = (filters: Filters, date: ResolvedDate | undefined) =>
  !filters.timeRange || !date || overlaps(date, filters.timeRange.from, filters.timeRange.to);

/** `types`: the dataset's entity types, so a declared type (a vessel) is hidden with its base type. */
export function entityPasses(
  filters: Filters,
  entity: EntityRecord,
  date?: ResolvedDate,
  types?: ReadonlyMap<string, EntityTypeInfo>,
): boolean {
  const base = types?.get(entity.type)?.base ?? ENTITY_TYPES.find((t) => t === entity.type);
  return (base === undefined || !filters.hiddenEntityTypes.has(base)) && inTime(filters, date);
}

export function relationPasses(
  filters: Filters,
  relation: Pick<RelationRecord, 'type' | 'status'>,
  date?: ResolvedDate,
): boolean {
  return (
    !filters.hiddenRelationTypes.has(relation.type) &&
    !filters.hiddenStatuses.has(relation.status) &&
    inTime(filters, date)
  );
}

export const isFiltering = (f: Filters): boolean =>
  f.hiddenEntityTypes.size > 0 ||
  f.hiddenRelationTypes.size > 0 ||
  f.hiddenStatuses.size > 0 ||
  f.timeRange !== null;
