/** The single source of truth for what is shown, selected and filtered; React panels and the canvas only read it. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { receiveEvidence, type Model } from '../model/core/model';
import type { EvidenceData } from '../model/core/model-data';
import { NO_FILTERS, type Filters } from '../model/core/filters';
import { pairEnds, pairId } from '../model/core/parallel-relations';
import type { EntitySearch } from '../model/search/search';
import { INITIAL_ANALYSIS, type AnalysisActions, type AnalysisState } from './analysis-state';
import * as ops from './explore-ops';
import { lifetimeOf, withNotice, type Notice } from './notices';
import { EMPTY_VIEW, type Point, type Selection, type ViewState } from './view-state';

export interface Snapshot {
  view: ViewState;
  selection: Selection;
}

export type { Notice };

export interface ReaderState {
  open: boolean;
  sourceId: string | null;
  /** The quote to scroll to and flash; bumps `focusVersion` so the same quote can be focused twice. */
  focusQuoteId: string | null;
  focusVersion: number;
}

/** A pending hub expansion: the user picks what to add. */
export interface HubPrompt {
  entityId: string;
  candidates: number;
}

export interface ThreadlineState extends AnalysisState {
  model: Model | null;
  search: EntitySearch | null;
  view: ViewState;
  selection: Selection;
  filters: Filters;
  past: Snapshot[];
  future: Snapshot[];
  /** Bumped to ask the canvas for a fresh full layout (and fit). */
  layoutVersion: number;
  /**
   * Entities the last step placed itself (on rings around a node) without knowing how big they are drawn;
   * the canvas moves any that cover a drawn node's box off it and records where they went.
   */
  guessedPositions: ReadonlySet<string>;
  reader: ReaderState;
  showEvidence: boolean;
  listOpen: boolean;
  hubPrompt: HubPrompt | null;
  notices: Notice[];
  /** Counts the evidence that arrived after the model (a compact dataset's): views of quotes follow it. */
  evidenceVersion: number;
}

export interface ThreadlineActions extends AnalysisActions {
  setModel(model: Model, search: EntitySearch): void;
  /** The evidence of a dataset that opened without it; everything the user built stays as it is. */
  attachEvidence(evidence: EvidenceData): void;
  /** The dataset's opening view, as an undoable step ("Reset view"). */
  showDefault(): void;
  /** The view the explorer opens on when there is no link or saved view: nothing before it to undo to. */
  openDefault(): void;
  addEntities(ids: readonly string[], options?: { select?: boolean }): void;
  expand(id: string, options?: ops.ExpandOptions & { force?: boolean }): void;
  collapse(id: string): void;
  hide(ids: readonly string[]): void;
  relayout(): void;
  selectEntity(id: string): void;
  /** Selects a relation, adding its two ends to the view if they are not there. */
  selectRelation(id: string): void;
  /** Selects the relations between two entities, as a group (the inspector lists them). */
  selectPair(a: string, b: string): void;
  clearSelection(): void;
  undo(): void;
  redo(): void;
  /** Positions reported by the canvas after a layout or a drag; not an undoable step on its own. */
  recordPositions(positions: ReadonlyMap<string, Point>): void;
  setFilters(filters: Filters): void;
  /**
   * Replaces view, selection and filters at once (a shared link, a saved view); no re-layout. One undoable
   * step, unless it is the view the explorer opens on (`opening`), which has nothing before it.
   */
  restoreView(view: ViewState, selection: Selection, filters: Filters, options?: { opening?: boolean }): void;
  openReader(sourceId: string, focusQuoteId?: string): void;
  closeReader(): void;
  setShowEvidence(on: boolean): void;
  setListOpen(on: boolean): void;
  dismissHubPrompt(): void;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
}

export type ThreadlineStore = StoreApi<ThreadlineState & ThreadlineActions>;

const HISTORY_LIMIT = 200;
const NONE: ReadonlySet<string> = new Set();
let noticeIds = 0;

export function initialState(): ThreadlineState {
  return {
    model: null,
    search: null,
    view: EMPTY_VIEW,
    selection: null,
    filters: NO_FILTERS,
    past: [],
    future: [],
    layoutVersion: 0,
    guessedPositions: NONE,
    reader: { open: false, sourceId: null, focusQuoteId: null, focusVersion: 0 },
    showEvidence: false,
    listOpen: false,
    hubPrompt: null,
    notices: [],
    evidenceVersion: 0,
    ...INITIAL_ANALYSIS,
  };
}

export function createThreadlineStore(): ThreadlineStore {
  return createStore<ThreadlineState & ThreadlineActions>()((set, get) => {
    /**
     * Applies an exploring step and records the previous view for undo. Positions it adds were chosen by
     * the step itself, unless `placed` says they come from elsewhere (a link).
     */
    const step = (
      next: Partial<Snapshot> & Partial<Pick<ThreadlineState, 'layoutVersion' | 'filters'>>,
      placed = false,
    ) => {
      const { view, selection, past } = get();
      const positions = next.view?.positions;
      const guessed =
        placed || !positions ? NONE : new Set([...positions.keys()].filter((id) => !view.positions.has(id)));
      set({
        ...next,
        guessedPositions: guessed.size > 0 ? guessed : NONE,
        past: [...past, { view, selection }].slice(-HISTORY_LIMIT),
        future: [],
      });
    };
    /** The first view of a dataset: replaces the empty one with no history, so undo cannot empty the canvas. */
    const open = (next: Partial<Snapshot> & Partial<Pick<ThreadlineState, 'layoutVersion' | 'filters'>>) =>
      set({ ...next, guessedPositions: NONE, past: [], future: [] });
    const need = (): Model | null => get().model;
    const unknown = (what: string, id: string) =>
      get().notify('warning', `No ${what} with id "${id}" in this dataset.`);

    return {
      ...initialState(),

      setModel(model, search) {
        set({ ...initialState(), model, search, notices: get().notices });
      },

      attachEvidence(evidence) {
        const model = need();
        if (!model) return;
        receiveEvidence(model, evidence);
        set({ evidenceVersion: get().evidenceVersion + 1 });
      },

      showDefault() {
        const model = need();
        if (!model) return;
        step({
          view: ops.defaultView(model, get().filters),
          selection: null,
          layoutVersion: get().layoutVersion + 1,
        });
      },

      openDefault() {
        const model = need();
        if (!model) return;
        open({
          view: ops.defaultView(model, get().filters),
          selection: null,
          layoutVersion: get().layoutVersion + 1,
        });
      },

      addEntities(ids, options = {}) {
        const model = need();
        if (!model) return;
        const known = ids.filter((id) => model.entities.has(id));
        ids.filter((id) => !model.entities.has(id)).forEach((id) => unknown('entity', id));
        if (known.length === 0) return;
        const view = ops.addEntities(get().view, model, get().filters, known);
        const last = known[known.length - 1]!;
        const selection = options.select ? ({ kind: 'entity', id: last } as const) : get().selection;
        if (view === get().view && selection === get().selection) return;
        step({ view, selection });
      },

      expand(id, options = {}) {
        const model = need();
        if (!model) return;
        if (!model.entities.has(id)) return unknown('entity', id);
        const { view, filters } = get();
        const base = view.visible.has(id) ? view : ops.addEntities(view, model, filters, [id]);
        const candidates = ops.expansionCandidates(base, model, filters, id, options);
        if (
          candidates.length > ops.HUB_THRESHOLD &&
          !options.force &&
          options.limit === undefined &&
          !options.relationType
        ) {
          set({ hubPrompt: { entityId: id, candidates: candidates.length } });
          return;
        }
        const next = ops.expand(base, model, filters, id, options);
        set({ hubPrompt: null });
        if (next !== view) step({ view: next });
      },

      collapse(id) {
        const model = need();
        if (!model) return;
        const next = ops.collapse(get().view, model, get().filters, id);
        if (next !== get().view) step({ view: next });
      },

      hide(ids) {
        const next = ops.hide(get().view, ids);
        if (next === get().view) return;
        const sel = get().selection;
        const model = get().model;
        const selectionGone =
          (sel?.kind === 'entity' && !next.visible.has(sel.id)) ||
          (sel?.kind === 'relation' && model !== null && !isRelationShown(model, next, sel.id)) ||
          (sel?.kind === 'pair' && !(pairEnds(sel.id) ?? []).every((e) => next.visible.has(e)));
        step({ view: next, selection: selectionGone ? null : sel });
      },

      relayout() {
        const { view } = get();
        step({ view: { ...view, positions: new Map() }, layoutVersion: get().layoutVersion + 1 });
      },

      selectEntity(id) {
        const model = need();
        if (!model) return;
        if (!model.entities.has(id)) return unknown('entity', id);
        if (!get().view.visible.has(id)) return get().addEntities([id], { select: true });
        set({ selection: { kind: 'entity', id } });
      },

      selectRelation(id) {
        const model = need();
        if (!model) return;
        const relation = model.relations.get(id);
        if (!relation) return unknown('relation', id);
        const { view, filters } = get();
        const missing = [relation.source, relation.target].filter((e) => !view.visible.has(e));
        if (missing.length === 0) return set({ selection: { kind: 'relation', id } });
        step({ view: ops.addEntities(view, model, filters, missing), selection: { kind: 'relation', id } });
      },

      selectPair(a, b) {
        const model = need();
        if (!model) return;
        const gone = [a, b].find((id) => !model.entities.has(id));
        if (gone) return unknown('entity', gone);
        const { view, filters } = get();
        const selection = { kind: 'pair', id: pairId(a, b) } as const;
        const missing = [...new Set([a, b])].filter((e) => !view.visible.has(e));
        if (missing.length === 0) return set({ selection });
        step({ view: ops.addEntities(view, model, filters, missing), selection });
      },

      clearSelection() {
        if (get().selection) set({ selection: null });
      },

      undo() {
        const { past, future, view, selection } = get();
        const prev = past[past.length - 1];
        if (!prev) return get().notify('info', 'Nothing to undo.');
        set({
          ...prev,
          guessedPositions: NONE,
          past: past.slice(0, -1),
          future: [{ view, selection }, ...future],
        });
      },

      redo() {
        const { past, future, view, selection } = get();
        const next = future[0];
        if (!next) return get().notify('info', 'Nothing to redo.');
        set({
          ...next,
          guessedPositions: NONE,
          past: [...past, { view, selection }],
          future: future.slice(1),
        });
      },

      recordPositions(positions) {
        const { view } = get();
        const merged = new Map(view.positions);
        for (const [id, p] of positions) if (view.visible.has(id)) merged.set(id, p);
        set({ view: { ...view, positions: merged } });
      },

      setFilters(filters) {
        set({ filters });
      },

      restoreView(view, selection, filters, options = {}) {
        if (!need()) return;
        if (options.opening) open({ view, selection, filters });
        else step({ view, selection, filters }, true);
      },

      openReader(sourceId, focusQuoteId) {
        const model = need();
        if (!model?.sources.has(sourceId)) return unknown('source', sourceId);
        const reader = get().reader;
        set({
          reader: {
            open: true,
            sourceId,
            focusQuoteId: focusQuoteId ?? null,
            focusVersion: reader.focusVersion + 1,
          },
        });
      },

      closeReader() {
        set({ reader: { ...get().reader, open: false } });
      },

      setShowEvidence(on) {
        set({ showEvidence: on });
      },

      setListOpen(on) {
        set({ listOpen: on });
      },

      dismissHubPrompt() {
        set({ hubPrompt: null });
      },

      notify(kind, text) {
        const id = ++noticeIds;
        set({ notices: withNotice(get().notices, { id, kind, text }) });
        const lifetime = lifetimeOf(kind);
        // Gone already if dismissed or repeated (a repeat is a new notice with its own time).
        if (lifetime !== null) setTimeout(() => get().dismissNotice(id), lifetime);
      },

      dismissNotice(id) {
        if (get().notices.some((n) => n.id === id))
          set({ notices: get().notices.filter((n) => n.id !== id) });
      },

      setSidePanel(sidePanel) {
        // The path highlight belongs to the connection finder; leaving it would leave a highlight nothing can clear.
        set(sidePanel === 'paths' ? { sidePanel } : { sidePanel, highlightedPath: null });
      },

      setConnect(ends) {
        set({ connect: { ...get().connect, ...ends }, sidePanel: 'paths' });
      },

      highlightPath(highlightedPath) {
        set({ highlightedPath });
      },

      setDisplay(display) {
        set({ display: { ...get().display, ...display } });
      },
    };
  });
}

function isRelationShown(model: Model, view: ViewState, relationId: string): boolean {
  const r = model.relations.get(relationId);
  return r !== undefined && view.visible.has(r.source) && view.visible.has(r.target);
}
