/** Messages between the page and the draft-check worker. */
import type { Draft } from '../model/authoring/draft';
import type { DraftProblem } from '../model/authoring/draft-ops-compile';

export interface DraftCheckRequest {
  id: number;
  draft: Draft;
}

export type DraftCheckReply =
  { id: number; ok: true; problems: DraftProblem[] } | { id: number; ok: false; error: string };
