/**
 * The single source of truth for what is shown, selected and filtered; React panels and the canvas only read
 * it. Built from slices by concern (zustand's slices pattern), combined here once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { receiveEvidence, type Model } from '../model/core/model';
import type { EvidenceData } from '../model/core/model-data';
import type { EntitySearch } from '../model/search/search';
import type { GraphSource, SourceNeed } from '../model/source/graph-source';
import { MEMORY_SOURCE } from '../model/source/memory-source';
import type { Notice } from './notices';
import {
  createAnalysisSlice,
  INITIAL_ANALYSIS_SLICE,
  type AnalysisSliceActions,
  type AnalysisSliceState,
} from './slices/analysis';
import { createStorySlice, INITIAL_STORY, type StoryActions, type StoryState } from './slices/story';
import { createCurateSlice, INITIAL_CURATE, type CurateActions, type CurateState } from './slices/curate';
import { createDraftSlice, INITIAL_DRAFT, type DraftActions, type DraftState } from './slices/draft';
import {
  createExploreSlice,
  INITIAL_EXPLORE,
  type ExploreActions,
  type ExploreState,
} from './slices/explore';
import {
  createFiltersSlice,
  INITIAL_FILTERS,
  type FiltersActions,
  type FiltersState,
} from './slices/filters';
import {
  createHistorySlice,
  INITIAL_HISTORY,
  type HistoryActions,
  type HistoryState,
} from './slices/history';
import {
  createNoticesSlice,
  INITIAL_NOTICES,
  type NoticesActions,
  type NoticesState,
} from './slices/notices';
import { createPanelsSlice, INITIAL_PANELS, type PanelsActions, type PanelsState } from './slices/panels';
import {
  createPositionsSlice,
  INITIAL_POSITIONS,
  type PositionsActions,
  type PositionsState,
} from './slices/positions';
import {
  createSelectionSlice,
  INITIAL_SELECTION,
  type SelectionActions,
  type SelectionState,
} from './slices/selection';

export type { Notice };
export type { Snapshot } from './slices/history';
export type { HubPrompt } from './slices/explore';
export type { ReaderState } from './slices/panels';

/** The dataset itself: replacing it starts every other slice afresh. */
export interface DatasetState {
  model: Model | null;
  search: EntitySearch | null;
  /** Counts the evidence that arrived after the model (a compact dataset's): views of quotes follow it. */
  evidenceVersion: number;
  /** Where the model comes from: in memory (all of it), or a server (what was fetched so far). */
  source: GraphSource;
  /** What the source is fetching for a step the user took, for the loading states; null when idle. */
  fetching: SourceNeed | null;
}

/** A fetch's outcome as part of the store update that takes its step: the grown model, and the idle state. */
export type Adopted = Partial<Pick<DatasetState, 'model' | 'search' | 'fetching'>>;

export interface DatasetActions {
  setModel(model: Model, search: EntitySearch, source?: GraphSource): void;
  /**
   * Asks the source for what `need` requires. Null when the model already holds it (always, in memory): the
   * caller goes on at once. Otherwise resolves true once the grown model is in the store, false when the
   * request was superseded or failed (the failure is a notice; nothing drawn is lost).
   */
  ensure(need: SourceNeed): Promise<boolean> | null;
  /**
   * As ensure, but leaves the grown model for the caller to commit with the step it was fetched for, in one
   * store update (one render, not one for the model and another for the step): resolves with the change to
   * merge into that update, or null when superseded or failed.
   */
  fetchFor(need: SourceNeed): Promise<Adopted | null> | null;
  /** The evidence of a dataset that opened without it; everything the user built stays as it is. */
  attachEvidence(evidence: EvidenceData): void;
  /**
   * Makes the model hold the texts of `sourceIds` whole: a server dataset's long sources arrive as the
   * windows their quotes need, and the reader and the exports fetch the rest. Resolves true once they are
   * held (at once when they are), false when another dataset opened meanwhile; rejects with the error to
   * show (the server unavailable, or a text that differs from what is held).
   */
  wholeTexts(
    sourceIds: readonly string[],
    progress?: (read: number, total: number) => void,
  ): Promise<boolean>;
  /**
   * Makes the model hold the text around each of `quoteIds` (see contextHeld): a server's answer past its
   * budget of text carries a quote alone. Resolves as wholeTexts does.
   */
  quoteContexts(quoteIds: readonly string[]): Promise<boolean>;
}

export interface ThreadlineState
  extends
    DatasetState,
    ExploreState,
    PositionsState,
    SelectionState,
    FiltersState,
    HistoryState,
    PanelsState,
    AnalysisSliceState,
    CurateState,
    StoryState,
    NoticesState,
    DraftState {}

export interface ThreadlineActions
  extends
    DatasetActions,
    ExploreActions,
    PositionsActions,
    SelectionActions,
    FiltersActions,
    HistoryActions,
    PanelsActions,
    AnalysisSliceActions,
    CurateActions,
    StoryActions,
    NoticesActions,
    DraftActions {}

export type ThreadlineStore = StoreApi<ThreadlineState & ThreadlineActions>;

const INITIAL_DATASET: DatasetState = {
  model: null,
  search: null,
  evidenceVersion: 0,
  source: MEMORY_SOURCE,
  fetching: null,
};

export function initialState(): ThreadlineState {
  return {
    ...INITIAL_DATASET,
    ...INITIAL_EXPLORE,
    ...INITIAL_POSITIONS,
    ...INITIAL_SELECTION,
    ...INITIAL_FILTERS,
    ...INITIAL_HISTORY,
    ...INITIAL_PANELS,
    ...INITIAL_ANALYSIS_SLICE,
    ...INITIAL_CURATE,
    ...INITIAL_STORY,
    ...INITIAL_NOTICES,
    ...INITIAL_DRAFT,
  };
}

export function createThreadlineStore(): ThreadlineStore {
  return createStore<ThreadlineState & ThreadlineActions>()((...a) => {
    const [set, get] = a;
    return {
      ...createExploreSlice(...a),
      ...createPositionsSlice(...a),
      ...createSelectionSlice(...a),
      ...createFiltersSlice(...a),
      ...createHistorySlice(...a),
      ...createPanelsSlice(...a),
      ...createAnalysisSlice(...a),
      ...createCurateSlice(...a),
      ...createStorySlice(...a),
      ...createNoticesSlice(...a),
      ...createDraftSlice(...a),
      ...INITIAL_DATASET,

      // The dataset slice lives here: a new dataset resets every slice but the notices.
      setModel(model, search, source = MEMORY_SOURCE) {
        set({ ...initialState(), model, search, source, notices: get().notices });
      },

      fetchFor(need) {
        const source = get().source;
        const wait = source.ensure(need);
        if (!wait) return null;
        set({ fetching: need });
        const idle = (): Adopted => (get().fetching === need ? { fetching: null } : {});
        return wait.then(
          (grown) => {
            // A newer request of the same kind took over, or another dataset opened meanwhile.
            if (!grown || get().source !== source) {
              set(idle());
              return null;
            }
            if (grown.note) get().notify('warning', grown.note);
            // The model only grows, so the view, selection and history all still hold in it.
            return grown.model !== get().model
              ? { ...idle(), model: grown.model, search: grown.search }
              : idle();
          },
          (e: unknown) => {
            set(idle());
            if (get().source === source) get().notify('error', e instanceof Error ? e.message : String(e));
            return null;
          },
        );
      },

      ensure(need) {
        const fetched = get().fetchFor(need);
        return (
          fetched &&
          fetched.then((change) => {
            if (change) set(change);
            return change !== null;
          })
        );
      },

      async wholeTexts(sourceIds, progress) {
        const source = get().source;
        const wait = source.wholeTexts(sourceIds, progress ? { progress } : {});
        if (!wait) return true;
        const grown = await wait;
        if (!grown || get().source !== source) return false;
        // Only held text grows: the view, selection and history all still hold in it.
        if (grown.model !== get().model) set({ model: grown.model, search: grown.search });
        return true;
      },

      async quoteContexts(quoteIds) {
        const source = get().source;
        const wait = source.quoteContexts(quoteIds);
        if (!wait) return true;
        const grown = await wait;
        if (!grown || get().source !== source) return false;
        // Only held text grows, as for wholeTexts.
        if (grown.model !== get().model) set({ model: grown.model, search: grown.search });
        return true;
      },

      attachEvidence(evidence) {
        const model = get().model;
        if (!model) return;
        receiveEvidence(model, evidence);
        set({ evidenceVersion: get().evidenceVersion + 1 });
      },
    };
  });
}
