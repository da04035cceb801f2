/** What the user has filtered out; the default hides nothing. Pure predicates over records. */
import { overlaps, type ResolvedDate } from './dates';
import type { EntityRecord, RelationRecord } from '../format/schema';
import type { EntityTypeInfo } from './entity-types';
import { ENTITY_TYPES, STATUSES, type EntityType, type Status } from './vocabulary';

export interface Filters {
  hiddenEntityTypes: ReadonlySet<EntityType>;
  hiddenRelationTypes: ReadonlySet<string>;
  hiddenStatuses: ReadonlySet<Status>;
  /** Inclusive ISO day range; dated elements outside it are hidden, undated ones stay (unless hideUndated). */
  timeRange: { from: string; to: string } | null;
  /**
   * While a period is set, undated relations go too: only links known to fall in it stay. Entities are not
   * touched (a person has no date of their own; a dated event outside the period goes as before).
   */
  hideUndated?: boolean;
  /**
   * Sources whose word is set aside ("what does the report say?" hides the others). Optional, like the two
   * below, so a Filters value written before there were several sources still means what it meant.
   */
  hiddenSources?: ReadonlySet<string>;
  /** Relations resting on fewer independent sources are hidden; 1 (or absent) hides none. */
  minSources?: number;
  /** Only relations on which the sources (or the claims of one) disagree. */
  contestedOnly?: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenEntityTypes: new Set(),
  hiddenRelationTypes: new Set(),
  hiddenStatuses: new Set(),
  timeRange: null,
};

/**
 * What a relation's sources say, for the filters that read it: only asked for when one of them is on, and each
 * part only when needed, since the filters ask it of every relation of a large dataset on each change.
 */
export interface RelationVoices {
  /** Visits each claim's source and how that source presents the relation, in evidence order. */
  eachClaim(visit: (sourceId: string, status: Status) => void): void;
  /** Independent sources (distinct ones among its quotes). */
  corroboration(): number;
  contested(): boolean;
}

const NO_VOICES: RelationVoices = { eachClaim: () => {}, corroboration: () => 0, contested: () => false };

const inTime = (filters: Filters, date: ResolvedDate | undefined, undatedStays = true) =>
  !filters.timeRange || (date ? overlaps(date, filters.timeRange.from, filters.timeRange.to) : undatedStays);

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

export const filtersBySource = (f: Filters): boolean => (f.hiddenSources?.size ?? 0) > 0;

/** Whether the filters read more of a relation than its type, status and date. */
export const needsVoices = (f: Filters): boolean =>
  filtersBySource(f) || (f.minSources ?? 1) > 1 || f.contestedOnly === true;

/**
 * The status a relation is drawn with under the filters, or null when the filters hide it.
 *
 * With every source shown, the relation's own status (the dataset's summary, what the edge is coloured by)
 * decides, as it did with one source. Once a source is set aside, only the shown sources speak: the relation
 * stays if one of them states it with a status that is shown, and is drawn with the firmest such status, so
 * "the report only" + "facts only" keeps what the report states as fact even where someone denies it.
 */
export function relationStatusUnder(
  filters: Filters,
  relation: Pick<RelationRecord, 'type' | 'status'>,
  date?: ResolvedDate,
  voices?: () => RelationVoices,
): Status | null {
  if (filters.hiddenRelationTypes.has(relation.type) || !inTime(filters, date, filters.hideUndated !== true))
    return null;
  if (!needsVoices(filters)) return filters.hiddenStatuses.has(relation.status) ? null : relation.status;
  const v = voices?.() ?? NO_VOICES;
  if ((filters.minSources ?? 1) > 1 && v.corroboration() < filters.minSources!) return null;
  if (filters.contestedOnly && !v.contested()) return null;
  if (!filtersBySource(filters)) return filters.hiddenStatuses.has(relation.status) ? null : relation.status;
  const hiddenSources = filters.hiddenSources!;
  let firmest = -1;
  v.eachClaim((sourceId, status) => {
    if (hiddenSources.has(sourceId) || filters.hiddenStatuses.has(status)) return;
    const i = STATUSES.indexOf(status);
    if (firmest < 0 || i < firmest) firmest = i;
  });
  return firmest < 0 ? null : STATUSES[firmest]!;
}

export function relationPasses(
  filters: Filters,
  relation: Pick<RelationRecord, 'type' | 'status'>,
  date?: ResolvedDate,
  voices?: () => RelationVoices,
): boolean {
  return relationStatusUnder(filters, relation, date, voices) !== null;
}

export const isFiltering = (f: Filters): boolean =>
  f.hiddenEntityTypes.size > 0 ||
  f.hiddenRelationTypes.size > 0 ||
  f.hiddenStatuses.size > 0 ||
  f.timeRange !== null ||
  needsVoices(f);
