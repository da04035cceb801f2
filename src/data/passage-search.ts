/**
 * Full-text search for one dataset: indexed in place for a small dataset (the article takes a millisecond),
 * in a Web Worker for a large one, so typing never waits for the index to be built. While the worker
 * builds it (a few seconds at 100k entities / 500k relations) queries wait in the worker's queue: the
 * entity results show at once, the passages when the index is ready, for what is typed by then.
 */
import type { Model } from '../model/core/model';
import { indexPassages, passageSourceOf, type PassageIndex } from '../model/search/passage-index';
import { describeMatches, searchPassages, type PassageHit } from '../model/search/passage-search';
import { createTimeSlicer } from '../lib/time-slicer';
import type { PassageWorkerMessage, PassageWorkerReply } from './passage-search.worker';

export interface PassageSearcher {
  search(query: string, limit: number): Promise<PassageHit[]>;
  dispose(): void;
}

/** Entities plus relations above which the index is built in a worker. */
const WORKER_THRESHOLD = 5_000;
/** Main-thread time spent posting texts to the worker before it yields to input and rendering. */
const TEXT_SLICE_MS = 8;

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
  let sentEvidence: unknown = undefined;
  let batch = 0;
  let closed = false;
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
  const post = (msg: PassageWorkerMessage) => worker.postMessage(msg);

  /** The evidence, announced at once (queries wait for it in the worker), its texts one per message. */
  const sendEvidence = () => {
    const evidence = model.data.evidence;
    if (!evidence || sentEvidence === evidence) return;
    sentEvidence = evidence;
    const mine = ++batch;
    const { texts, quotes } = evidence;
    post({
      type: 'evidence',
      batch: mine,
      quotes: { source: quotes.source, start: quotes.start, end: quotes.end },
      texts: texts.length,
    });
    void (async () => {
      const slicer = createTimeSlicer(TEXT_SLICE_MS);
      for (let s = 0; s < texts.length; s++) {
        if (closed || batch !== mine) return;
        post({ type: 'text', batch: mine, source: s, text: texts[s]! });
        await slicer.pause();
      }
    })();
  };

  const { texts: _texts, quotes: _quotes, ...rest } = passageSourceOf(model.data);
  post({ type: 'init', source: rest });
  sendEvidence();
  return {
    search(query, limit) {
      // A compact dataset's evidence arrives after its model.
      sendEvidence();
      const id = next++;
      return new Promise<PassageHit[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'search', id, query, limit });
      });
    },
    dispose() {
      closed = true;
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
