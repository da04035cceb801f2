/**
 * The draft's problems, checked again when the draft changes (each edit makes a new one). The check runs
 * in a task of its own after the edit has been drawn: on the article it costs tens of milliseconds, which
 * added to the edit's own work would make one long task.
 */
import { useEffect, useState } from 'react';
import type { Draft } from '../../model/authoring/draft';
import { checkDraft, type DraftProblem } from '../../model/authoring/draft-ops-compile';

const NONE: DraftProblem[] = [];

export function useDraftProblems(draft: Draft | null): DraftProblem[] {
  const [checked, setChecked] = useState<{ draft: Draft | null; problems: DraftProblem[] }>({
    draft: null,
    problems: NONE,
  });
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => setChecked({ draft, problems: checkDraft(draft) }), 0);
    return () => clearTimeout(timer);
  }, [draft]);
  return draft && checked.draft ? checked.problems : NONE;
}
