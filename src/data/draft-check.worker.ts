/**
 * Checks a draft as `npm run validate` would, off the main thread: on the article the check serialises and
 * parses every file, which in the page (where zod runs without compiled parsers) made an edit's longest task.
 */
import { checkDraft } from '../model/authoring/draft-ops-compile';
import type { DraftCheckReply, DraftCheckRequest } from './draft-check-protocol';

self.onmessage = (e: MessageEvent<DraftCheckRequest>) => {
  const { id, draft } = e.data;
  let reply: DraftCheckReply;
  try {
    reply = { id, ok: true, problems: checkDraft(draft) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
