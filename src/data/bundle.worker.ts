/** Reads, parses and checks a dataset off the main thread, then streams it back in slices (stream-bundle.ts, stream-compact.ts). */
import type { LoadMessage, LoadRequest, WorkerCommand } from './load-protocol';
import { streamBundle } from './stream-bundle';
import { streamCompact } from './stream-compact';

let evidenceWanted = () => {};
const wanted = new Promise<void>((resolve) => (evidenceWanted = resolve));

self.onmessage = (e: MessageEvent<LoadRequest | WorkerCommand>) => {
  if ('type' in e.data) return evidenceWanted();
  const post = (message: LoadMessage, transfer: Transferable[] = []) =>
    self.postMessage(message, { transfer });
  const request = e.data;
  const run = request.evidence ? streamCompact(request, post, wanted) : streamBundle(request, post);
  run.catch((err: unknown) =>
    post({ type: 'failed', failure: { reason: 'unreadable', message: String(err) } }),
  );
};
