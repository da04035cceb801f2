/** Store state for the analysis features (side panel, connection finder ends, highlighted path, node sizing); plain serialisable data. */
import type { ImportanceMeasure } from '../model/analysis/importance';

/** The docked panel left of the canvas. */
export type SidePanel = 'filters' | 'paths';

export interface ConnectEnds {
  from: string | null;
  to: string | null;
}

/** A path the connection finder draws attention to on the canvas and the timeline. */
export interface HighlightedPath {
  entityIds: string[];
  relationIds: string[];
}

export interface DisplayOptions {
  nodeSize: 'uniform' | ImportanceMeasure;
  colour: 'type' | 'community';
  /** Several relations between one pair: one edge with a count, or each drawn apart. */
  parallel: 'bundle' | 'separate';
}

export interface AnalysisState {
  sidePanel: SidePanel | null;
  connect: ConnectEnds;
  highlightedPath: HighlightedPath | null;
  display: DisplayOptions;
}

export interface AnalysisActions {
  setSidePanel(panel: SidePanel | null): void;
  /** Sets one or both ends of the connection finder and opens it. */
  setConnect(ends: Partial<ConnectEnds>): void;
  highlightPath(path: HighlightedPath | null): void;
  setDisplay(display: Partial<DisplayOptions>): void;
}

export const INITIAL_ANALYSIS: AnalysisState = {
  sidePanel: null,
  connect: { from: null, to: null },
  highlightedPath: null,
  display: { nodeSize: 'uniform', colour: 'type', parallel: 'bundle' },
};
