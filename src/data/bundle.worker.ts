/** Reads, parses and validates a bundle off the main thread, then streams it back in slices (see stream-bundle.ts). */
import type { LoadMessage, LoadRequest } from './load-protocol';
import { streamBundle } from './stream-bundle';

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  const post = (message: LoadMessage) => self.postMessage(message);
  streamBundle(e.data, post).catch((err: unknown) =>
    post({ type: 'failed', failure: { reason: 'unreadable', message: String(err) } }),
  );
};
