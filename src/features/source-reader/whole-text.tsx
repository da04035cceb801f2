/**
 * The reader's fetch of a whole source text: a server dataset's long source is held as windows until the
 * reader opens it. While the text comes the reader says so with its progress; when it cannot come it says
 * why and offers to try again, so the panel is never blank.
 */
import { useEffect, useState } from 'react';
import type { ModelSource } from '../../model/core/held-text';
import { useActions } from '../../store/context';

export type WholeTextState =
  | { kind: 'idle' }
  | { kind: 'loading'; read: number; total: number }
  | { kind: 'failed'; message: string; retry: () => void };

/** Fetches `source`'s whole text into the model when it is held only in part. */
export function useWholeText(source: ModelSource | undefined): WholeTextState {
  const { wholeTexts } = useActions();
  // Each answer is kept under the fetch it belongs to: a source switched to starts from nothing read.
  const [heard, setHeard] = useState<{ key: string; state: WholeTextState } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const id = source?.id;
  const length = source?.held?.length;
  const key = `${id} ${attempt}`;
  useEffect(() => {
    if (id === undefined || length === undefined) return;
    let live = true;
    const hear = (state: WholeTextState) => live && setHeard({ key, state });
    wholeTexts([id], (read, total) => hear({ kind: 'loading', read, total })).then(
      () => hear({ kind: 'idle' }),
      (e: unknown) =>
        hear({
          kind: 'failed',
          message: e instanceof Error ? e.message : String(e),
          retry: () => setAttempt((n) => n + 1),
        }),
    );
    return () => {
      live = false;
    };
  }, [id, length, key, wholeTexts]);
  if (id === undefined || length === undefined) return { kind: 'idle' };
  return heard?.key === key ? heard.state : { kind: 'loading', read: 0, total: length };
}

export function WholeTextWait({ state }: { state: WholeTextState }) {
  if (state.kind === 'failed')
    return (
      <div className="reader-wait" role="alert">
        <p>The source’s text could not be fetched: {state.message}</p>
        <button type="button" onClick={state.retry}>
          Try again
        </button>
      </div>
    );
  const share =
    state.kind === 'loading' && state.total > 0 ? Math.floor((100 * state.read) / state.total) : 0;
  return (
    <p className="reader-wait" role="status">
      Loading the source’s text from the server… {share}%
    </p>
  );
}
