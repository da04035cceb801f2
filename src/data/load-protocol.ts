/** Messages between the main thread and the worker that reads, checks and streams a bundle to it. */
import type { BundleHead, BundleSlice } from '../model/model-builder';
import type { Problem } from '../model/problems';
import type { EntitySearchIndex } from '../model/search-index';

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
}

export type LoadFailure =
  | { reason: 'http'; status: number; problems?: Problem[] }
  | { reason: 'unreadable'; message: string }
  | { reason: 'invalid'; problems: Problem[] };

export type LoadMessage =
  | { type: 'progress'; step: LoadStep; done: number; total: number }
  | { type: 'head'; head: BundleHead; records: number }
  | { type: 'slice'; slice: BundleSlice }
  | { type: 'index'; index: EntitySearchIndex }
  | { type: 'done' }
  | { type: 'failed'; failure: LoadFailure };
