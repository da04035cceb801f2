/** Loads a bundle progressively: a worker reads and checks it, this thread builds the model in short slices. */
import { createModelBuilder, type BundleSlice, type ModelBuilder } from '../model/core/model-builder';
import { type Model } from '../model/core/model';
import { entitySearchFrom, type EntitySearch } from '../model/search/search';
import type { EvidenceData } from '../model/core/model-data';
import type { EntitySearchIndex } from '../model/search/search-index';
import { appendAll } from '../model/format/problems';
import { Inbox } from './inbox';
import type { LoadFailure, LoadMessage, LoadRequest, LoadStep, WorkerCommand } from './load-protocol';
import { createCompactAssembler } from '../model/format/compact/slices';
import { streamBundle } from './stream-bundle';
import { streamCompact } from './stream-compact';
import { createTimeSlicer, nextTask } from '../lib/time-slicer';

export interface LoadProgress {
  step: LoadStep;
  /** Of the whole load, from 0 to 1. */
  fraction: number;
}

export type EvidenceOutcome = { ok: true; evidence: EvidenceData } | { ok: false; failure: LoadFailure };

export type LoadOutcome =
  | {
      ok: true;
      model: Model;
      search: EntitySearch;
      /** A compact dataset opens before its evidence has arrived: this settles when it has (or cannot). */
      evidence?: Promise<EvidenceOutcome>;
    }
  | { ok: false; failure: LoadFailure };

/** The part of the bar each step fills: roughly its share of a large load. */
const STEP_SPAN: Record<LoadStep, readonly [number, number]> = {
  Reading: [0, 0.1],
  'Checking evidence': [0.1, 0.3],
  'Building graph': [0.3, 0.95],
  Indexing: [0.95, 1],
};

/** Main-thread work per task before yielding: well under the 50 ms that counts as a long task. */
const SLICE_BUDGET_MS = 25;
/** Records added between two looks at the clock. */
const CHUNK = 250;

interface Loader {
  stop(): void;
  /** Lets the worker go on to a compact dataset's evidence (it waits, so as not to slow the first paint). */
  wantEvidence(): void;
}

/** Starts the worker (or, where there are no workers, the same steps on this thread) feeding `inbox`. */
function start(request: LoadRequest, inbox: Inbox<LoadMessage>): Loader {
  const failed = (message: string) =>
    inbox.put({ type: 'failed', failure: { reason: 'unreadable', message } });
  if (typeof Worker === 'undefined') {
    const post = (m: LoadMessage) => inbox.put(m);
    const run = request.evidence ? streamCompact(request, post) : streamBundle(request, post);
    run.catch((e: unknown) => failed(String(e)));
    return { stop: () => {}, wantEvidence: () => {} };
  }
  const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<LoadMessage>) => inbox.put(e.data);
  worker.onmessageerror = () => failed('a part of the bundle could not be passed from the loading worker');
  worker.onerror = (e) => {
    e.preventDefault();
    failed(`the loading worker failed: ${e.message}`);
  };
  worker.postMessage(request);
  return {
    stop: () => worker.terminate(),
    wantEvidence: () => worker.postMessage({ type: 'evidence-wanted' } satisfies WorkerCommand),
  };
}

/** Calls `onProgress` when the step or the whole percentage changes, not for every chunk. */
function progressReporter(onProgress: (p: LoadProgress) => void) {
  let last = '';
  let lastStep: LoadStep | null = null;
  return (step: LoadStep, within: number) => {
    // Marks where each step starts, for the benchmark and the browser's performance panel.
    if (step !== lastStep) performance.mark(`threadline:load:${step}`);
    lastStep = step;
    const [from, to] = STEP_SPAN[step];
    const fraction = from + (to - from) * Math.min(1, Math.max(0, within));
    const key = `${step}:${Math.floor(fraction * 100)}`;
    if (key === last) return;
    last = key;
    onProgress({ step, fraction });
  };
}

export async function loadBundle(
  request: LoadRequest,
  onProgress: (p: LoadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<LoadOutcome> {
  const inbox = new Inbox<LoadMessage>();
  const loader = start(request, inbox);
  const stop = () => loader.stop();
  const report = progressReporter(onProgress);
  const slicer = createTimeSlicer(SLICE_BUDGET_MS);
  let builder: ModelBuilder | null = null;
  const compact = createCompactAssembler();
  let keepWorker = false;
  let index: EntitySearchIndex | null = null;
  let total = 1;
  let added = 0;

  const addInChunks = async (slice: BundleSlice) => {
    if (!builder) throw new Error('bundle records arrived before the bundle head');
    for (let i = 0; i < slice.records.length; i += CHUNK) {
      const records = slice.records.slice(i, i + CHUNK);
      // A part of a slice has the slice's kind; TypeScript cannot follow that through the union.
      builder.add({ kind: slice.kind, records } as BundleSlice);
      added += records.length;
      report('Building graph', added / total);
      await slicer.pause();
      signal?.throwIfAborted();
    }
  };

  // Aborting ends the load at once: the worker is terminated mid-step (a large bundle can keep it busy
  // checking for seconds without a message), and the wait for its next message ends with the abort.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      stop();
      reject(signal?.reason);
    };
  });
  // Nobody awaits it when the load ends first; it must not be reported as unhandled.
  aborted.catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  const take = () => (signal ? Promise.race([inbox.take(), aborted]) : inbox.take());

  try {
    for (;;) {
      signal?.throwIfAborted();
      const message = await take();
      switch (message.type) {
        case 'progress':
          report(message.step, message.total > 0 ? message.done / message.total : 0);
          break;
        case 'failed':
          return { ok: false, failure: message.failure };
        case 'head':
          builder = createModelBuilder(message.head);
          total = Math.max(1, message.records);
          report('Building graph', 0);
          break;
        case 'slice':
          await addInChunks(message.slice);
          break;
        case 'index':
          index = message.index;
          break;
        case 'compact': {
          compact.add(message.slice);
          const { done, total } = compact.progress();
          report('Building graph', done / total);
          await slicer.pause();
          break;
        }
        case 'evidence-texts':
        case 'evidence':
        case 'evidence-failed':
          throw new Error('evidence arrived before the index was done');
        case 'done': {
          if (request.evidence) {
            report('Indexing', 0);
            const { model, search } = compact.finish();
            report('Indexing', 1);
            performance.mark('threadline:load:ready');
            keepWorker = true;
            // The explorer's first view is its own task, not the tail of this one.
            await nextTask();
            // Read once the explorer has drawn and gone idle: on two cores, reading 75 MB of text in the
            // worker while the canvas first draws made the longest tasks of the whole load.
            whenIdle(() => loader.wantEvidence());
            return { ok: true, model, search, evidence: awaitEvidence(inbox, stop, signal) };
          }
          if (!builder || !index) throw new Error('the bundle ended before its records or index');
          report('Indexing', 0);
          const model = builder.finish();
          const search = entitySearchFrom(model.data.entities, index);
          report('Indexing', 1);
          performance.mark('threadline:load:ready');
          await nextTask();
          return { ok: true, model, search };
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!keepWorker) stop();
  }
}

/** Calls `fn` when the main thread is next idle (within two seconds at most). */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 0);
}

/** Waits for the evidence the worker reads after the index, then lets the worker go. */
async function awaitEvidence(
  inbox: Inbox<LoadMessage>,
  stop: () => void,
  signal: AbortSignal | undefined,
): Promise<EvidenceOutcome> {
  const aborted = () => stop();
  signal?.addEventListener('abort', aborted);
  const texts: string[] = [];
  try {
    for (;;) {
      const message = await inbox.take();
      if (message.type === 'evidence-texts') appendAll(texts, message.texts);
      if (message.type === 'evidence')
        return { ok: true, evidence: { ...message.evidence, texts: [...texts, ...message.evidence.texts] } };
      if (message.type === 'evidence-failed' || message.type === 'failed')
        return { ok: false, failure: message.failure };
    }
  } finally {
    signal?.removeEventListener('abort', aborted);
    stop();
  }
}
