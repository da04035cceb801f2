/**
 * Builds the full-text index of a large dataset off the main thread and answers its queries with rows;
 * the thread that posted the query turns them into ids (describeMatches). It is sent only what a search
 * reads, not the model, and the source texts one message each: serialising tens of megabytes of text in
 * one postMessage would hold the main thread for a noticeable moment while someone types.
 */
import { indexPassageSource, type PassageIndex, type PassageSource } from '../model/search/passage-index';
import { findPassages, type PassageMatch } from '../model/search/passage-search';

export type PassageQuotes = NonNullable<PassageSource['quotes']>;

export type PassageWorkerMessage =
  /** Everything but the texts; `texts` of them follow as `text` messages of this `batch`. */
  | { type: 'init'; source: Omit<PassageSource, 'texts' | 'quotes'> }
  | { type: 'evidence'; batch: number; quotes: PassageQuotes; texts: number }
  | { type: 'text'; batch: number; source: number; text: string }
  | { type: 'search'; id: number; query: string; limit: number };

export type PassageWorkerReply =
  { id: number; ok: true; matches: PassageMatch[] } | { id: number; ok: false; error: string };

type Search = Extract<PassageWorkerMessage, { type: 'search' }>;

let base: Omit<PassageSource, 'texts' | 'quotes'> | null = null;
let source: PassageSource | null = null;
let index: PassageIndex | null = null;
/** The evidence being received: its batch, quotes, texts so far and how many are still to come. */
let incoming: { batch: number; quotes: PassageQuotes; texts: string[]; missing: number } | null = null;
/** Queries asked while evidence is on its way, answered once it is indexed. */
let waiting: Search[] = [];

function answer(msg: Search): void {
  let reply: PassageWorkerReply;
  try {
    if (!source || !index) throw new Error('the search worker has no dataset yet');
    reply = { id: msg.id, ok: true, matches: findPassages(source, index, msg.query, msg.limit) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: String(err) };
  }
  self.postMessage(reply);
}

function build(texts: string[] | null, quotes: PassageQuotes | null): void {
  if (!base) return;
  source = { ...base, texts, quotes };
  index = indexPassageSource(source);
  const asked = waiting;
  waiting = [];
  for (const msg of asked) answer(msg);
}

self.onmessage = (e: MessageEvent<PassageWorkerMessage>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'init':
      base = msg.source;
      build(null, null);
      return;
    case 'evidence':
      incoming = {
        batch: msg.batch,
        quotes: msg.quotes,
        texts: new Array<string>(msg.texts),
        missing: msg.texts,
      };
      if (msg.texts === 0) build([], msg.quotes);
      return;
    case 'text':
      // A text of evidence replaced since is dropped.
      if (!incoming || msg.batch !== incoming.batch) return;
      incoming.texts[msg.source] = msg.text;
      if (--incoming.missing === 0) {
        build(incoming.texts, incoming.quotes);
        incoming = null;
      }
      return;
    case 'search':
      if (incoming) waiting.push(msg);
      else answer(msg);
  }
};
