/** The draft's problems, checked again only when the draft changes (each edit makes a new one). */
import { useMemo } from 'react';
import type { Draft } from '../../model/authoring/draft';
import { checkDraft, type DraftProblem } from '../../model/authoring/draft-ops-compile';

export function useDraftProblems(draft: Draft | null): DraftProblem[] {
  return useMemo(() => (draft ? checkDraft(draft) : []), [draft]);
}
