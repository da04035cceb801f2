/** What is open around the canvas: the source reader, quotes on the canvas, the list, the side panel and its path. */
import { textLength } from '../../model/core/held-text';
import type { ConnectEnds, HighlightedPath, SidePanel } from '../analysis-state';
import type { Slice } from './types';

export interface ReaderState {
  open: boolean;
  sourceId: string | null;
  /** The quote to scroll to and flash; bumps `focusVersion` so the same quote can be focused twice. */
  focusQuoteId: string | null;
  /** A passage to scroll to and flash instead of a quote (a full-text search result that no quote covers). */
  focusRange: { start: number; end: number } | null;
  focusVersion: number;
}

/** What the reader scrolls to when it opens: a quote (by id) or a span of the source text. */
export type ReaderFocus = string | { quoteId: string } | { range: { start: number; end: number } };

export interface PanelsState {
  reader: ReaderState;
  showEvidence: boolean;
  listOpen: boolean;
  sidePanel: SidePanel | null;
  connect: ConnectEnds;
  highlightedPath: HighlightedPath | null;
}

export interface PanelsActions {
  openReader(sourceId: string, focus?: ReaderFocus): void;
  closeReader(): void;
  setShowEvidence(on: boolean): void;
  setListOpen(on: boolean): void;
  setSidePanel(panel: SidePanel | null): void;
  /** Sets one or both ends of the connection finder and opens it. */
  setConnect(ends: Partial<ConnectEnds>): void;
  highlightPath(path: HighlightedPath | null): void;
}

export const INITIAL_PANELS: PanelsState = {
  reader: { open: false, sourceId: null, focusQuoteId: null, focusRange: null, focusVersion: 0 },
  showEvidence: false,
  listOpen: false,
  sidePanel: null,
  connect: { from: null, to: null },
  highlightedPath: null,
};

export const createPanelsSlice: Slice<PanelsState & PanelsActions> = (set, get) => ({
  ...INITIAL_PANELS,

  openReader(sourceId, focus) {
    const source = get().model?.sources.get(sourceId);
    if (!source) return get().notify('warning', `No source with id "${sourceId}" in this dataset.`);
    const quoteId = typeof focus === 'string' ? focus : focus && 'quoteId' in focus ? focus.quoteId : null;
    const range = focus && typeof focus !== 'string' && 'range' in focus ? focus.range : null;
    const inText = range && range.start >= 0 && range.start < range.end && range.end <= textLength(source);
    set({
      reader: {
        open: true,
        sourceId,
        focusQuoteId: quoteId,
        focusRange: inText ? range : null,
        focusVersion: get().reader.focusVersion + 1,
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
});
