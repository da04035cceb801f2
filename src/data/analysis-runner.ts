/** Answers analysis requests: inline for small datasets, in a Web Worker above a size threshold so the UI never freezes. */
import type { Model } from '../model/core/model';
import { runAnalysis, type AnalysisRequest, type AnalysisResult } from '../model/analysis/requests';
import type { AnalysisWorkerMessage, AnalysisWorkerReply } from './analysis.worker';

/** Entities plus relations above which analysis leaves the main thread. */
const WORKER_THRESHOLD = 5_000;

interface Channel {
  worker: Worker;
  pending: Map<number, { resolve(v: unknown): void; reject(e: Error): void }>;
  next: number;
  /** Whether the worker's copy of the model has the evidence (path narratives quote it). */
  hasEvidence: boolean;
}

// One worker for the dataset in use; loading another dataset replaces it.
let current: { model: Model; channel: Channel } | null = null;

const graphSize = (model: Model) => model.entities.size + model.relations.size;

/** Whether requests for this model go to the worker (also forced with ?analysis=worker, for testing). */
function usesWorker(model: Model): boolean {
  if (typeof Worker === 'undefined') return false;
  const forced = typeof location !== 'undefined' && new URLSearchParams(location.search).get('analysis');
  if (forced === 'worker') return true;
  if (forced === 'inline') return false;
  return graphSize(model) > WORKER_THRESHOLD;
}

function channelFor(model: Model): Channel {
  if (current?.model === model) return current.channel;
  if (current) {
    current.channel.worker.terminate();
    for (const w of current.channel.pending.values()) w.reject(new Error('another dataset was loaded'));
  }
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const channel: Channel = { worker, pending: new Map(), next: 1, hasEvidence: model.data.evidence !== null };
  worker.onmessage = (e: MessageEvent<AnalysisWorkerReply>) => {
    const waiting = channel.pending.get(e.data.id);
    if (!waiting) return;
    channel.pending.delete(e.data.id);
    if (e.data.ok) waiting.resolve(e.data.result);
    else waiting.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const w of channel.pending.values()) w.reject(new Error(`analysis worker failed: ${e.message}`));
    channel.pending.clear();
  };
  worker.postMessage({ type: 'init', data: model.data } satisfies AnalysisWorkerMessage);
  current = { model, channel };
  return channel;
}

export function analyse<R extends AnalysisRequest>(model: Model, request: R): Promise<AnalysisResult<R>> {
  if (!usesWorker(model)) {
    try {
      return Promise.resolve(runAnalysis(model, request));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
  const channel = channelFor(model);
  if (!channel.hasEvidence && model.data.evidence) {
    // A compact dataset's evidence arrived after the worker got the model.
    channel.worker.postMessage({
      type: 'evidence',
      evidence: model.data.evidence,
    } satisfies AnalysisWorkerMessage);
    channel.hasEvidence = true;
  }
  const id = channel.next++;
  return new Promise<AnalysisResult<R>>((resolve, reject) => {
    channel.pending.set(id, { resolve: (v) => resolve(v as AnalysisResult<R>), reject });
    channel.worker.postMessage({ type: 'run', id, request } satisfies AnalysisWorkerMessage);
  });
}
