/** How nodes and edges are drawn (display options) and the analysis results those options asked for. */
import { INITIAL_DISPLAY, NO_ANALYSIS, type AnalysisResults, type DisplayOptions } from '../analysis-state';
import type { Slice } from './types';

export interface AnalysisSliceState {
  display: DisplayOptions;
  analysis: AnalysisResults;
}

export interface AnalysisSliceActions {
  setDisplay(display: Partial<DisplayOptions>): void;
  /** Results from the analysis controller (src/app/bind-analysis.ts), for the display in use. */
  setAnalysis(results: Partial<AnalysisResults>): void;
}

export const INITIAL_ANALYSIS_SLICE: AnalysisSliceState = { display: INITIAL_DISPLAY, analysis: NO_ANALYSIS };

export const createAnalysisSlice: Slice<AnalysisSliceState & AnalysisSliceActions> = (set, get) => ({
  ...INITIAL_ANALYSIS_SLICE,

  setDisplay(display) {
    set({ display: { ...get().display, ...display } });
  },

  setAnalysis(results) {
    set({ analysis: { ...get().analysis, ...results } });
  },
});
