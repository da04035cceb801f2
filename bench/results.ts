/** The shape of one benchmark run, as written to bench/results/<timestamp>.json. */
import type { BenchOptions, Size } from './args';
import type { BrowserResult } from './browser/types';
import type { PeerResult } from './peers/engine';
import type { PeerInstall } from './peers/install';
import type { CompactEncodeResult } from './tasks/compact-encode';
import type { CompactLoadResult } from './tasks/compact-load';
import type { FloorResult } from './tasks/floor';
import type { FullTextResult } from './tasks/full-text';
import type { LoadResult } from './tasks/load';
import type { ValidateResult } from './tasks/validate';
import type { AuthoringResult } from './tasks/authoring';

export interface SizeResult {
  size: Size;
  generated: { cached: boolean; ms?: number; quotes?: number; sources?: number; bytes?: number };
  validate?: ValidateResult;
  floor?: FloorResult;
  load?: LoadResult;
  /** The app's model loaded from the compact files (its path for large datasets), same dataset and workload. */
  compact?: { encode: CompactEncodeResult; load?: CompactLoadResult; pathMismatches?: number };
  /** With --full-text-only: the code before the typed-array index, then the current one. */
  fullText?: FullTextResult[];
  peers: Array<PeerResult | { engine: string; error: string }>;
  /** Per peer, queries whose answer differs from graphology's: must all be 0. */
  peerMismatches: Record<string, number>;
  errors: string[];
}

export interface RunResult {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; totalMemory: number; node: string; platform: string };
  options: BenchOptions;
  sizes: SizeResult[];
  /** The Browser section (unless --no-browser); see bench/browser/. */
  browser?: BrowserResult;
  /** Why the Browser section could not run at all (no Chromium, the build failed). */
  browserError?: string;
  /** The Authoring section (not with --browser-only). */
  authoring?: AuthoringResult;
  authoringError?: string;
  /** With --peers: whether bench/peers/node_modules was there, installed, or failed to install. */
  peersInstall?: PeerInstall;
}

/** The targets the docs hold the in-browser model to, at 100k entities / 500k relations. */
export const TARGETS = {
  loadMs: 2000,
  peakRssBytes: 500 * 1024 * 1024,
  searchP95Ms: 5,
  /** Full-text search over quotes, texts, notes and descriptions (issue: p95 under 20 ms at 100k / 500k). */
  fullTextP95Ms: 20,
  expandP95Ms: 1,
  pathP95Ms: 50,
};
