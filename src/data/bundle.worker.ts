/** Reads, parses and checks a dataset off the main thread, then streams it back in slices (stream-bundle.ts, stream-compact.ts). */
import type { LoadMessage, LoadRequest } from './load-protocol';
import { streamBundle } from './stream-bundle';
import { streamCompact } from './stream-compact';

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const post = (message: LoadMessage, transfer: Transferable[] = []) =>
    self.postMessage(message, { transfer });
  (e.data.evidence ? streamCompact : streamBundle)(e.data, post).catch((err: unknown) =>
    post({ type: 'failed', failure: { reason: 'unreadable', message: String(err) } }),
  );
};
