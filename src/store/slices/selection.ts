/** What is selected: an entity, a relation or the relations of a pair; selecting something not shown shows it. */
import { pairId } from '../../model/core/parallel-relations';
import * as ops from '../explore-ops';
import type { Selection } from '../view-state';
import { split, viewOf } from './explore';
import { commitStep } from './history';
import type { Slice } from './types';

export interface SelectionState {
  selection: Selection;
}

export interface SelectionActions {
  selectEntity(id: string): void;
  /** Selects a relation, adding its two ends to the view if they are not there. */
  selectRelation(id: string): void;
  /** Selects the relations between two entities, as a group (the inspector lists them). */
  selectPair(a: string, b: string): void;
  clearSelection(): void;
}

export const INITIAL_SELECTION: SelectionState = { selection: null };

export const createSelectionSlice: Slice<SelectionState & SelectionActions> = (set, get) => {
  const unknown = (what: string, id: string) =>
    get().notify('warning', `No ${what} with id "${id}" in this dataset.`);
  /** Selects, first adding the entities it needs to the view as one undoable step. */
  const selectShowing = (selection: NonNullable<Selection>, needed: readonly string[]) => {
    const s = get();
    const missing = [...new Set(needed)].filter((e) => !s.view.visible.has(e));
    if (missing.length === 0) return set({ selection });
    const next = ops.addEntities(viewOf(s), s.model!, s.filters, missing);
    commitStep(set, get, { ...split(s, next), selection });
  };

  return {
    ...INITIAL_SELECTION,

    selectEntity(id) {
      const model = get().model;
      if (!model) return;
      // A server dataset's model holds what was fetched so far: adding the entity fetches it.
      if (!model.entities.has(id) && get().source.kind !== 'server') return unknown('entity', id);
      if (!get().view.visible.has(id)) return get().addEntities([id], { select: true });
      set({ selection: { kind: 'entity', id } });
    },

    selectRelation(id) {
      const model = get().model;
      if (!model) return;
      const relation = model.relations.get(id);
      if (!relation) return unknown('relation', id);
      selectShowing({ kind: 'relation', id }, [relation.source, relation.target]);
    },

    selectPair(a, b) {
      const model = get().model;
      if (!model) return;
      const gone = [a, b].find((id) => !model.entities.has(id));
      if (gone) return unknown('entity', gone);
      selectShowing({ kind: 'pair', id: pairId(a, b) }, [a, b]);
    },

    clearSelection() {
      if (get().selection) set({ selection: null });
    },
  };
};
