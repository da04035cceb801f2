/** The shape of the Browser section's results, as stored under `browser` in bench/results/<timestamp>.json. */
import type { Latency } from '../stats';

/** Frame intervals while panning, in milliseconds (rAF timestamp differences). */
export interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  durationMs: number;
  /** Cytoscape's redraws meanwhile and their mean duration (its own counters): the cost behind the capped frames. */
  draws?: number;
  meanDrawMs?: number;
}

/** One navigation from `page.goto` until the default view is drawn and painted. */
export interface LoadSample {
  /** performance.now() in the page (0 = navigation start) when the view was painted. */
  readyMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** When the evidence was in the model, and the longest task from navigation until then. */
  evidenceMs?: number;
  longestTaskToEvidenceMs?: number;
  /** When the dataset file had been received (Resource Timing responseEnd), if it was fetched. */
  bundleReceivedMs?: number;
  elements: number;
}

/** Why a navigation did not reach the default view: it is reported as a figure, not as a failed run. */
export interface LoadFailure {
  /** `refused`: the app showed its error screen (e.g. the bundle is over its size limit). */
  reason: 'timeout' | 'crash' | 'refused' | 'error';
  afterMs: number;
  message: string;
  /** The longest main-thread task seen before giving up (a task still running is not counted). */
  longestTaskMs?: number;
  bundleReceivedMs?: number;
}

export interface LoadMeasure {
  /** "article" or a size label. */
  dataset: string;
  datasetId: string;
  samples: LoadSample[];
  ready?: Latency;
  failure?: LoadFailure;
}

/** A latency measured at about `target` elements (nodes + edges drawn); `elements` is what was actually drawn. */
export interface LevelLatency {
  target: number;
  elements: number;
  latency: Latency;
  /** Samples that did not complete (e.g. a click that hit no edge); not in the latency. */
  misses: number;
  /** Expand only: the part until `actions.expand` returned (store update and the canvas's synchronous sync). */
  sync?: Latency;
  /** Expand only: elements each expansion added. */
  added?: Latency;
}

/**
 * Pans of a settled view (left alone for 2 s: Cytoscape has cached it as layer bitmaps) and of a view that
 * has just changed (app: right after a typical expansion; floor: right after its first draw).
 */
export interface PanMeasure {
  target: number;
  elements: number;
  app: FrameStats;
  /** The same pan on the same elements in a bare Cytoscape page with the default stylesheet. */
  floor?: FrameStats;
  appChanged?: FrameStats;
  floorChanged?: FrameStats;
}

export interface InteractionResults {
  /** The dataset the interactions ran on (a size label). */
  dataset: string;
  /** Expansions adding at most 100 elements. */
  expand: LevelLatency[];
  /** Expansions that bring in a hub, adding 500 or more elements. */
  expandHub: LevelLatency[];
  edgeClick: LevelLatency[];
  pan: PanMeasure[];
  /** `scale` is what the export used: below 1 when the image had to fit the app's 8,000 px limit. */
  exportPng: Array<LevelLatency & { pngBytes: number; width: number; height: number; scale: number }>;
}

/** One step of authoring on the article: how many main-thread tasks ran over 50 ms, and the longest. */
export interface AuthoringStep {
  step: string;
  longTasks: number;
  longestMs: number;
}

export interface BrowserResult {
  chromium: string;
  viewport: { width: number; height: number };
  /** Whether dist/ was (re)built for this run, and how long that took. */
  build: { built: boolean; ms?: number; reason?: string; buildError?: string };
  /** The state of the app's sources when measured (dist/ build time, newest source file). */
  appState: { distBuiltAt: string; newestSource: string; newestSourceAt: string };
  loads: LoadMeasure[];
  interactions?: InteractionResults;
  authoring?: AuthoringStep[];
  ms: number;
  errors: string[];
}
