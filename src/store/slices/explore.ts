/** What is shown: the exploring steps (open, add, expand, collapse, hide, re-layout, restore) over visibility and positions. */
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import { pairEnds } from '../../model/core/parallel-relations';
import * as ops from '../explore-ops';
import type { Adopted } from '../store';
import type { Selection, ViewState, Visibility } from '../view-state';
import { commitStep, NONE, openView, type StepChange } from './history';
import type { Full, Slice } from './types';

/** A pending hub expansion: the user picks what to add. */
export interface HubPrompt {
  entityId: string;
  candidates: number;
}

export interface ExploreState {
  view: Visibility;
  /** Bumped to ask the canvas for a fresh full layout (and fit). */
  layoutVersion: number;
  /**
   * Entities the last step placed itself (on rings around a node) without knowing how big they are drawn;
   * the canvas moves any that cover a drawn node's box off it and records where they went.
   */
  guessedPositions: ReadonlySet<string>;
  hubPrompt: HubPrompt | null;
}

export interface ExploreActions {
  /** The dataset's opening view, as an undoable step ("Reset view"). */
  showDefault(): void;
  /** The view the explorer opens on when there is no link or saved view: nothing before it to undo to. */
  openDefault(): void;
  addEntities(ids: readonly string[], options?: { select?: boolean }): void;
  expand(id: string, options?: ops.ExpandOptions & { force?: boolean }): void;
  collapse(id: string): void;
  hide(ids: readonly string[]): void;
  relayout(): void;
  /**
   * Replaces view, selection and filters at once (a shared link, a saved view); no re-layout. One undoable
   * step, unless it is the view the explorer opens on (`opening`), which has nothing before it.
   */
  restoreView(
    view: ViewState,
    selection: Selection,
    filters: Filters,
    options?: { opening?: boolean; pinned?: ReadonlySet<string> },
  ): void;
  dismissHubPrompt(): void;
}

const EMPTY_VISIBILITY: Visibility = { visible: new Set(), addedBy: new Map() };

export const INITIAL_EXPLORE: ExploreState = {
  view: EMPTY_VISIBILITY,
  layoutVersion: 0,
  guessedPositions: NONE,
  hubPrompt: null,
};

/** The whole view the exploring steps work on. */
export const viewOf = (s: Pick<Full, 'view' | 'positions'>): ViewState => ({
  ...s.view,
  positions: s.positions,
});

/**
 * A step's result as the store keeps it: visibility keeps its identity when the step did not change it, so
 * only positions look changed to whoever watches.
 */
export function split(s: Pick<Full, 'view'>, next: ViewState): Pick<StepChange, 'view' | 'positions'> {
  const same = next.visible === s.view.visible && next.addedBy === s.view.addedBy;
  return {
    view: same ? s.view : { visible: next.visible, addedBy: next.addedBy },
    positions: next.positions,
  };
}

export const createExploreSlice: Slice<ExploreState & ExploreActions> = (set, get) => {
  const step = (next: StepChange & Adopted, placed = false, also: Partial<ExploreState> = {}) =>
    commitStep(set, get, next, placed, also);
  /** A fetch's outcome when no step follows it: the grown model is kept all the same. */
  const adopt = (change: Adopted) => {
    if (Object.keys(change).length > 0) set(change);
  };
  const unknown = (id: string) => get().notify('warning', `No entity with id "${id}" in this dataset.`);
  const model = (): Model | null => get().model;

  return {
    ...INITIAL_EXPLORE,

    showDefault() {
      const m = model();
      if (!m) return;
      step({
        ...split(get(), ops.defaultView(m, get().filters)),
        selection: null,
        layoutVersion: get().layoutVersion + 1,
      });
    },

    openDefault() {
      const m = model();
      if (!m) return;
      openView(set, {
        ...split(get(), ops.defaultView(m, get().filters)),
        selection: null,
        layoutVersion: get().layoutVersion + 1,
      });
    },

    addEntities(ids, options = {}) {
      if (!model()) return;
      // A server dataset fetches what it lacks first; the grown model and the step are then one update.
      const fetched = get().fetchFor({ kind: 'entities', ids });
      if (fetched) return void fetched.then((change) => change && addOn(change));
      addOn({});

      function addOn(change: Adopted) {
        const m = change.model ?? model()!;
        const known = ids.filter((id) => m.entities.has(id));
        const s = get();
        const current = viewOf(s);
        const next = known.length > 0 ? ops.addEntities(current, m, s.filters, known) : current;
        const last = known[known.length - 1];
        const selection =
          options.select && last !== undefined ? ({ kind: 'entity', id: last } as const) : s.selection;
        if (next === current && selection === s.selection) adopt(change);
        else step({ ...change, ...split(s, next), selection });
        ids.filter((id) => !m.entities.has(id)).forEach(unknown);
      }
    },

    expand(id, options = {}) {
      if (!model()) return;
      // A server dataset fetches the neighbours first; the step then runs as on a local one, on the grown
      // model, and both go into the store at once.
      const fetched = get().fetchFor({ kind: 'expand', id, ...options });
      if (fetched) return void fetched.then((change) => change && expandOn(change));
      expandOn({});

      function expandOn(change: Adopted) {
        const m = change.model ?? model()!;
        if (!m.entities.has(id)) {
          adopt(change);
          return unknown(id);
        }
        const s = get();
        const current = viewOf(s);
        const base = current.visible.has(id) ? current : ops.addEntities(current, m, s.filters, [id]);
        const candidates = ops.expansionCandidates(base, m, s.filters, id, options);
        if (
          candidates.length > ops.HUB_THRESHOLD &&
          !options.force &&
          options.limit === undefined &&
          !options.relationType
        ) {
          set({ ...change, hubPrompt: { entityId: id, candidates: candidates.length } });
          return;
        }
        const next = ops.expand(base, m, s.filters, id, options);
        if (next !== current) step({ ...change, ...split(s, next) }, false, { hubPrompt: null });
        else set({ ...change, hubPrompt: null });
      }
    },

    collapse(id) {
      const m = model();
      if (!m) return;
      const s = get();
      const current = viewOf(s);
      const next = ops.collapse(current, m, s.filters, id);
      if (next !== current) step(split(s, next));
    },

    hide(ids) {
      const s = get();
      const current = viewOf(s);
      const next = ops.hide(current, ids);
      if (next === current) return;
      const sel = s.selection;
      const m = s.model;
      const selectionGone =
        (sel?.kind === 'entity' && !next.visible.has(sel.id)) ||
        (sel?.kind === 'relation' && m !== null && !isRelationShown(m, next, sel.id)) ||
        (sel?.kind === 'pair' && !(pairEnds(sel.id) ?? []).every((e) => next.visible.has(e)));
      step({ ...split(s, next), selection: selectionGone ? null : sel });
    },

    relayout() {
      // Pinned entities keep their places; the layout arranges the rest around them.
      const s = get();
      const kept = [...s.pinned].flatMap((id) => {
        const p = s.positions.get(id);
        return p && s.view.visible.has(id) ? [[id, p] as const] : [];
      });
      step({ positions: new Map(kept), layoutVersion: s.layoutVersion + 1 });
    },

    restoreView(view, selection, filters, options = {}) {
      if (!model()) return;
      const next = { ...split(get(), view), selection, filters, pinned: options.pinned ?? NONE };
      if (options.opening) openView(set, next);
      else step(next, true);
    },

    dismissHubPrompt() {
      set({ hubPrompt: null });
    },
  };
};

function isRelationShown(model: Model, view: Visibility, relationId: string): boolean {
  const r = model.relations.get(relationId);
  return r !== undefined && view.visible.has(r.source) && view.visible.has(r.target);
}
