/**
 * Builds the full-text index of a large dataset off the main thread and answers its queries with rows;
 * the thread that posted the query turns them into ids (describeMatches). It is sent only the texts a
 * search reads (PassageSource), not the model: posting a whole model took the main thread most of a second.
 */
import { indexPassageSource, type PassageIndex, type PassageSource } from '../model/search/passage-index';
import { findPassages, type PassageMatch } from '../model/search/passage-search';

export type PassageWorkerMessage =
  | { type: 'init'; source: PassageSource }
  | { type: 'evidence'; texts: string[]; quotes: NonNullable<PassageSource['quotes']> }
  | { type: 'search'; id: number; query: string; limit: number };

export type PassageWorkerReply =
  { id: number; ok: true; matches: PassageMatch[] } | { id: number; ok: false; error: string };

let source: PassageSource | null = null;
let index: PassageIndex | null = null;

self.onmessage = (e: MessageEvent<PassageWorkerMessage>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    source = msg.source;
    index = indexPassageSource(source);
    return;
  }
  if (msg.type === 'evidence') {
    if (!source) return;
    source = { ...source, texts: msg.texts, quotes: msg.quotes };
    index = indexPassageSource(source);
    return;
  }
  let reply: PassageWorkerReply;
  try {
    if (!source || !index) throw new Error('the search worker has no dataset yet');
    reply = { id: msg.id, ok: true, matches: findPassages(source, index, msg.query, msg.limit) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: String(err) };
  }
  self.postMessage(reply);
};
