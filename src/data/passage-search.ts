/**
 * Full-text search for one dataset: indexed in place for a small dataset (the article takes a millisecond),
 * in a Web Worker for a large one, so typing never waits for the index to be built. While the worker
 * builds it (a few seconds at 100k entities / 500k relations) queries wait in the worker's queue: the
 * entity results show at once, the passages when the index is ready, for what is typed by then.
 */
import type { Model } from '../model/core/model';
import { indexPassages, passageSourceOf, type PassageIndex } from '../model/search/passage-index';
import { describeMatches, searchPassages, type PassageHit } from '../model/search/passage-search';
import type { PassageWorkerMessage, PassageWorkerReply } from './passage-search.worker';

export interface PassageSearcher {
  search(query: string, limit: number): Promise<PassageHit[]>;
  dispose(): void;
}

/** Entities plus relations above which the index is built in a worker. */
const WORKER_THRESHOLD = 5_000;

function inline(model: Model): PassageSearcher {
  let index: PassageIndex | null = null;
  let indexedWith: unknown = undefined;
  return {
    search(query, limit) {
      // A compact dataset's evidence arrives later: index again once it is there.
      if (!index || indexedWith !== model.data.evidence) {
        index = indexPassages(model.data);
        indexedWith = model.data.evidence;
      }
      return Promise.resolve(searchPassages(model.data, index, query, limit));
    },
    dispose() {},
  };
}

function inWorker(model: Model): PassageSearcher {
  const worker = new Worker(new URL('./passage-search.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(h: PassageHit[]): void; reject(e: Error): void }>();
  let next = 1;
  let sentEvidence = model.data.evidence;
  worker.onmessage = (e: MessageEvent<PassageWorkerReply>) => {
    const waiting = pending.get(e.data.id);
    if (!waiting) return;
    pending.delete(e.data.id);
    if (!e.data.ok) return waiting.reject(new Error(e.data.error));
    try {
      waiting.resolve(describeMatches(model.data, e.data.matches));
    } catch (err) {
      waiting.reject(err instanceof Error ? err : new Error(String(err)));
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const w of pending.values()) w.reject(new Error(`search worker failed: ${e.message}`));
    pending.clear();
  };
  worker.postMessage({ type: 'init', source: passageSourceOf(model.data) } satisfies PassageWorkerMessage);
  return {
    search(query, limit) {
      if (model.data.evidence && sentEvidence !== model.data.evidence) {
        sentEvidence = model.data.evidence;
        const { texts, quotes } = sentEvidence;
        worker.postMessage({
          type: 'evidence',
          texts,
          quotes: { source: quotes.source, start: quotes.start, end: quotes.end },
        } satisfies PassageWorkerMessage);
      }
      const id = next++;
      return new Promise<PassageHit[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'search', id, query, limit } satisfies PassageWorkerMessage);
      });
    },
    dispose() {
      worker.terminate();
      for (const w of pending.values()) w.reject(new Error('the dataset was closed'));
      pending.clear();
    },
  };
}

export function passageSearcher(model: Model): PassageSearcher {
  const forced = typeof location !== 'undefined' && new URLSearchParams(location.search).get('search');
  const useWorker =
    typeof Worker !== 'undefined' &&
    (forced === 'worker' ||
      (forced !== 'inline' && model.entities.size + model.relations.size > WORKER_THRESHOLD));
  return useWorker ? inWorker(model) : inline(model);
}
