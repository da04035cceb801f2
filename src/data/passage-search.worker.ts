/** Builds the full-text index of a large dataset off the main thread and answers its queries. */
import type { EvidenceData, ModelData } from '../model/core/model-data';
import { indexPassages, type PassageIndex } from '../model/search/passage-index';
import { searchPassages, type PassageHit } from '../model/search/passage-search';

export type PassageWorkerMessage =
  | { type: 'init'; data: ModelData }
  | { type: 'evidence'; evidence: EvidenceData }
  | { type: 'search'; id: number; query: string; limit: number };

export type PassageWorkerReply =
  { id: number; ok: true; hits: PassageHit[] } | { id: number; ok: false; error: string };

let data: ModelData | null = null;
let index: PassageIndex | null = null;

self.onmessage = (e: MessageEvent<PassageWorkerMessage>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    data = msg.data;
    index = indexPassages(data);
    return;
  }
  if (msg.type === 'evidence') {
    if (!data) return;
    data = { ...data, evidence: msg.evidence };
    index = indexPassages(data);
    return;
  }
  let reply: PassageWorkerReply;
  try {
    if (!data || !index) throw new Error('the search worker has no dataset yet');
    reply = { id: msg.id, ok: true, hits: searchPassages(data, index, msg.query, msg.limit) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: String(err) };
  }
  self.postMessage(reply);
};
