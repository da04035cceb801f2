/** The filters: which entity and relation types, statuses and dates are drawn. */
import { NO_FILTERS, type Filters } from '../../model/core/filters';
import type { Slice } from './types';

export interface FiltersState {
  filters: Filters;
}

export interface FiltersActions {
  setFilters(filters: Filters): void;
}

export const INITIAL_FILTERS: FiltersState = { filters: NO_FILTERS };

export const createFiltersSlice: Slice<FiltersState & FiltersActions> = (set) => ({
  ...INITIAL_FILTERS,
  setFilters(filters) {
    set({ filters });
  },
});
