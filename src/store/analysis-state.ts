/** Types of the analysis features' state (side panel, connection finder ends, highlighted path, display options, analysis results); plain data. */
import type { ImportanceMeasure } from '../model/analysis/importance';
import type { CommunityColouring } from '../model/style/community-palette';

/** The docked panel left of the canvas: filters, the connection finder, the story or the Build workspace. */
export type SidePanel = 'filters' | 'paths' | 'story' | 'build';

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

export const INITIAL_DISPLAY: DisplayOptions = { nodeSize: 'uniform', colour: 'type', parallel: 'bundle' };

/**
 * What the display options asked analysis for, once it has answered: the canvas, the legend and the exports
 * all read these, so they agree. Null while not asked for or not answered yet.
 */
export interface AnalysisResults {
  /** Scores 0..1 per entity, for `display.nodeSize`. */
  importance: { measure: ImportanceMeasure; scores: ReadonlyMap<string, number> } | null;
  communities: CommunityColouring | null;
}

export const NO_ANALYSIS: AnalysisResults = { importance: null, communities: null };
