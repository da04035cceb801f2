/** The draft's problems, checked in a worker (inline where there are no workers, as in Node). */
import type { Draft } from '../model/authoring/draft';
import { checkDraft, type DraftProblem } from '../model/authoring/draft-ops-compile';
import type { DraftCheckReply, DraftCheckRequest } from './draft-check-protocol';

let worker: Worker | null = null;
let next = 1;
const pending = new Map<number, { resolve: (p: DraftProblem[]) => void; reject: (e: Error) => void }>();

function channel(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./draft-check.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<DraftCheckReply>) => {
    const waiting = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!waiting) return;
    if (e.data.ok) waiting.resolve(e.data.problems);
    else waiting.reject(new Error(e.data.error));
  };
  w.onerror = () => {
    for (const p of pending.values()) p.reject(new Error('the draft could not be checked'));
    pending.clear();
    worker = null;
    w.terminate();
  };
  worker = w;
  return w;
}

export function checkDraftOffThread(draft: Draft): Promise<DraftProblem[]> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => checkDraft(draft));
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    channel().postMessage({ id, draft } satisfies DraftCheckRequest);
  });
}
