/**
 * Runs the authoring suggestions off the main thread: the NLP pass over a long text takes a second or
 * more, and the loom reads every sentence of every source.
 */
import type { Draft } from '../model/authoring/draft';
import { loomCandidates, type LoomCandidate } from '../model/authoring/loom';
import { findMentions, type Mention } from '../model/authoring/mentions';

export type AuthoringRequest =
  | { id: number; type: 'mentions'; text: string }
  | { id: number; type: 'loom'; draft: Draft; skipped: string[] };

export type AuthoringReply =
  | { id: number; ok: true; mentions: Mention[] }
  | { id: number; ok: true; loom: LoomCandidate[] }
  | { id: number; ok: false; error: string };

self.onmessage = (e: MessageEvent<AuthoringRequest>) => {
  const msg = e.data;
  let reply: AuthoringReply;
  try {
    reply =
      msg.type === 'mentions'
        ? { id: msg.id, ok: true, mentions: findMentions(msg.text) }
        : { id: msg.id, ok: true, loom: loomCandidates(msg.draft, new Set(msg.skipped)) };
  } catch (err) {
    reply = { id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
