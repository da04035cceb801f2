/**
 * Shaping the view by hand: several entities marked at once (Shift/Ctrl-click, a box, "all of a type"),
 * what to do with them (hide, keep only, expand, collapse, pin), pins that a re-layout leaves where they
 * are, and an empty canvas to build on entity by entity.
 */
import type { EntityType, Status } from '../../model/core/vocabulary';
import { subgraphOf } from '../../model/core/subgraph';
import * as ops from '../explore-ops';
import { split, viewOf } from './explore';
import { commitStep, NONE } from './history';
import type { Slice } from './types';

export type MarkMode = 'replace' | 'add' | 'toggle';

export interface CurateState {
  /** Entities marked for acting on together; apart from `selection`, which the inspector shows. */
  marked: ReadonlySet<string>;
  /** Entities a re-layout leaves where they are. */
  pinned: ReadonlySet<string>;
  /** While on, a drag on the background draws a selection box instead of panning (for touch screens). */
  boxMode: boolean;
}

export interface CurateActions {
  mark(ids: readonly string[], mode?: MarkMode): void;
  /** Marks every shown entity of a type, or at an end of a shown relation with a status. */
  markAll(what: { type: EntityType } | { status: Status }): void;
  clearMarks(): void;
  /** Removes every shown entity but these (one undoable step). */
  keepOnly(ids: readonly string[]): void;
  expandAll(ids: readonly string[]): void;
  collapseAll(ids: readonly string[]): void;
  pin(ids: readonly string[]): void;
  unpin(ids: readonly string[]): void;
  /** Empties the canvas, to build a view entity by entity (undoable). */
  clearView(): void;
  setBoxMode(on: boolean): void;
}

export const INITIAL_CURATE: CurateState = { marked: NONE, pinned: NONE, boxMode: false };

export const createCurateSlice: Slice<CurateState & CurateActions> = (set, get) => {
  const shown = (ids: readonly string[]) => ids.filter((id) => get().view.visible.has(id));
  const nothing = () => get().notify('info', 'Select some entities first (Shift-click or drag a box).');

  return {
    ...INITIAL_CURATE,

    mark(ids, mode = 'replace') {
      const s = get();
      const on = shown(ids);
      let next: Set<string>;
      if (mode === 'replace') next = new Set(on);
      else if (mode === 'add') next = new Set([...s.marked, ...on]);
      else {
        next = new Set(s.marked);
        for (const id of on) if (!next.delete(id)) next.add(id);
      }
      set({ marked: next.size === 0 ? NONE : next });
    },

    markAll(what) {
      const s = get();
      if (!s.model) return;
      const ids =
        'type' in what
          ? [...s.view.visible].filter((id) => s.model!.entities.get(id)?.type === what.type)
          : subgraphOf(s.model, s.view.visible, s.filters).relations.flatMap((r) =>
              r.status === what.status ? [r.source, r.target] : [],
            );
      get().mark(ids, 'add');
    },

    clearMarks() {
      if (get().marked.size > 0) set({ marked: NONE });
    },

    keepOnly(ids) {
      const s = get();
      const keep = new Set(shown(ids));
      if (keep.size === 0) return nothing();
      const current = viewOf(s);
      const next = ops.hide(
        current,
        [...current.visible].filter((id) => !keep.has(id)),
      );
      if (next === current) return;
      const sel = s.selection;
      const selectionKept = sel?.kind === 'entity' ? keep.has(sel.id) : false;
      commitStep(set, get, {
        ...split(s, next),
        selection: selectionKept ? sel : null,
        pinned: new Set([...s.pinned].filter((id) => keep.has(id))),
      });
      set({ marked: keep });
    },

    expandAll(ids) {
      const s = get();
      const m = s.model;
      const on = shown(ids);
      if (!m || on.length === 0) return nothing();
      const current = viewOf(s);
      // Each one as far as the hub guard lets a single expansion go without asking.
      const next = on.reduce(
        (view, id) => ops.expand(view, m, s.filters, id, { limit: ops.HUB_THRESHOLD }),
        current,
      );
      if (next !== current) commitStep(set, get, split(s, next));
    },

    collapseAll(ids) {
      const s = get();
      const m = s.model;
      const on = shown(ids);
      if (!m || on.length === 0) return nothing();
      const current = viewOf(s);
      const next = on.reduce((view, id) => ops.collapse(view, m, s.filters, id), current);
      if (next === current) return;
      commitStep(set, get, split(s, next));
      set({ marked: new Set([...get().marked].filter((id) => next.visible.has(id))) });
    },

    pin(ids) {
      const s = get();
      const on = shown(ids).filter((id) => !s.pinned.has(id));
      if (on.length === 0) return;
      commitStep(set, get, { pinned: new Set([...s.pinned, ...on]) });
    },

    unpin(ids) {
      const s = get();
      const off = new Set(ids.filter((id) => s.pinned.has(id)));
      if (off.size === 0) return;
      const pinned = new Set([...s.pinned].filter((id) => !off.has(id)));
      commitStep(set, get, { pinned: pinned.size === 0 ? NONE : pinned });
    },

    clearView() {
      const s = get();
      if (s.view.visible.size === 0) return;
      commitStep(set, get, {
        view: { visible: new Set(), addedBy: new Map() },
        positions: new Map(),
        selection: null,
        pinned: NONE,
      });
      set({ marked: NONE });
    },

    setBoxMode(on) {
      set({ boxMode: on });
    },
  };
};
