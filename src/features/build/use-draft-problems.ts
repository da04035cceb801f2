/**
 * The draft's problems, checked again in a worker when the draft changes (each edit makes a new one): on
 * the article the check serialises and parses every file, too long a task beside the edit's own.
 */
import { useEffect, useState } from 'react';
import { checkDraftOffThread } from '../../data/draft-check-client';
import type { Draft } from '../../model/authoring/draft';
import type { DraftProblem } from '../../model/authoring/draft-ops-compile';

const NONE: DraftProblem[] = [];

export function useDraftProblems(draft: Draft | null): DraftProblem[] {
  const [checked, setChecked] = useState<{ draft: Draft | null; problems: DraftProblem[] }>({
    draft: null,
    problems: NONE,
  });
  useEffect(() => {
    if (!draft) return;
    let live = true;
    checkDraftOffThread(draft).then(
      (problems) => live && setChecked({ draft, problems }),
      (e: unknown) =>
        live &&
        setChecked({
          draft,
          problems: [
            {
              severity: 'error',
              code: 'bundle-format',
              file: draft.dataset.id,
              pointer: '',
              message: `the draft could not be checked: ${e instanceof Error ? e.message : String(e)}`,
            },
          ],
        }),
    );
    return () => {
      live = false;
    };
  }, [draft]);
  // The last check stands until the next one answers, so the list does not flash empty on each edit.
  return draft ? checked.problems : NONE;
}
