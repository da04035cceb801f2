/**
 * Undo and redo over exploring and authoring steps; a snapshot keeps what was shown with where it sat and
 * what was selected, and the draft being authored with the model compiled from it.
 */
import type { Draft } from '../../model/authoring/draft';
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import type { EntitySearch } from '../../model/search/search';
import type { Positions, Selection, Visibility } from '../view-state';
import type { Full, GetState, SetState, Slice } from './types';

export interface Snapshot {
  view: Visibility;
  positions: Positions;
  selection: Selection;
  /** Pinning is a step of its own, undone like the others. */
  pinned: ReadonlySet<string>;
  draft: Draft | null;
  model: Model | null;
  search: EntitySearch | null;
}

export interface HistoryState {
  past: Snapshot[];
  future: Snapshot[];
}

export interface HistoryActions {
  undo(): void;
  redo(): void;
}

export const INITIAL_HISTORY: HistoryState = { past: [], future: [] };

const HISTORY_LIMIT = 200;
export const NONE: ReadonlySet<string> = new Set();

/** What one exploring step may change. */
export type StepChange = Partial<Snapshot> & {
  layoutVersion?: number;
  filters?: Filters;
  sidePanel?: Full['sidePanel'];
  buildFocus?: Full['buildFocus'];
};

const snapshotOf = (s: Full): Snapshot => ({
  view: s.view,
  positions: s.positions,
  selection: s.selection,
  pinned: s.pinned,
  draft: s.draft,
  model: s.model,
  search: s.search,
});

/**
 * Applies an exploring step and records the previous view for undo. Positions it adds were chosen by the
 * step itself, unless `placed` says they come from elsewhere (a link).
 */
export function commitStep(
  set: SetState,
  get: GetState,
  next: StepChange,
  placed = false,
  /** More of the store to change in the same update (a fetched model, the hub prompt dismissed). */
  also: Partial<Full> = {},
): void {
  const s = get();
  const before = s.positions;
  const guessed =
    placed || !next.positions ? NONE : new Set([...next.positions.keys()].filter((id) => !before.has(id)));
  set({
    ...also,
    ...next,
    guessedPositions: guessed.size > 0 ? guessed : NONE,
    past: [...s.past, snapshotOf(s)].slice(-HISTORY_LIMIT),
    future: [],
  });
}

/** The first view of a dataset: replaces the empty one with no history, so undo cannot empty the canvas. */
export function openView(set: SetState, next: StepChange): void {
  set({ ...next, guessedPositions: NONE, past: [], future: [] });
}

/**
 * A snapshot as undo and redo put it back. A server dataset's model only grows as it is fetched, and every
 * earlier view lies within it: it stays, so what was fetched is not asked for again.
 */
function kept(s: Full, snapshot: Snapshot): Snapshot {
  if (s.source.kind !== 'server' || snapshot.draft !== null || s.draft !== null) return snapshot;
  return { ...snapshot, model: s.model, search: s.search };
}

export const createHistorySlice: Slice<HistoryState & HistoryActions> = (set, get) => ({
  ...INITIAL_HISTORY,

  undo() {
    const s = get();
    const prev = s.past[s.past.length - 1];
    if (!prev) return s.notify('info', 'Nothing to undo.');
    set({
      ...kept(s, prev),
      guessedPositions: NONE,
      past: s.past.slice(0, -1),
      future: [snapshotOf(s), ...s.future],
    });
  },

  redo() {
    const s = get();
    const next = s.future[0];
    if (!next) return s.notify('info', 'Nothing to redo.');
    set({
      ...kept(s, next),
      guessedPositions: NONE,
      past: [...s.past, snapshotOf(s)],
      future: s.future.slice(1),
    });
  },
});
