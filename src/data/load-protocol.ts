/** Messages between the main thread and the worker that reads, checks and streams a bundle to it. */
import type { BundleHead, BundleSlice } from '../model/core/model-builder';
import type { Problem } from '../model/format/problems';
import type { EvidenceData } from '../model/core/model-data';
import type { EntitySearchIndex } from '../model/search/search-index';
import type { CompactSlice } from '../model/format/compact/slices';

/** The steps the loading screen names, in order. */
export const LOAD_STEPS = ['Reading', 'Checking evidence', 'Building graph', 'Indexing'] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

/** Where the bundle comes from: fetched or read by the worker, so its text never crosses the main thread. */
export type BundleInput =
  { kind: 'url'; url: string } | { kind: 'blob'; blob: Blob } | { kind: 'text'; text: string };

export interface LoadRequest {
  input: BundleInput;
  /** Name of the bundle in problems ("datasets/x.json", "my-export.json"). */
  file: string;
  /** Set for a compact dataset: `input` is then its index, and this its evidence, read after the index. */
  evidence?: { input: BundleInput; file: string };
}

/** What the main thread tells the loading worker after the request. */
export type WorkerCommand = { type: 'evidence-wanted' };

export type LoadFailure =
  /** A dev server's 422 carries the first problems and how many errors there were (`total`). */
  | { reason: 'http'; status: number; problems?: Problem[]; total?: number }
  | { reason: 'unreadable'; message: string }
  | { reason: 'invalid'; problems: Problem[] };

export type LoadMessage =
  | { type: 'progress'; step: LoadStep; done: number; total: number }
  | { type: 'head'; head: BundleHead; records: number }
  | { type: 'slice'; slice: BundleSlice }
  | { type: 'index'; index: EntitySearchIndex }
  | { type: 'compact'; slice: CompactSlice }
  | { type: 'done' }
  /** After 'done', for a compact dataset: source texts a few at a time, then the quotes (texts empty). */
  | { type: 'evidence-texts'; texts: string[] }
  | { type: 'evidence'; evidence: EvidenceData }
  | { type: 'evidence-failed'; failure: LoadFailure }
  | { type: 'failed'; failure: LoadFailure };
