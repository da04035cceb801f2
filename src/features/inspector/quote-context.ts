/**
 * The text around a quote on a server dataset: past the server's budget of text an answer carries a quote
 * alone, and its context is fetched when the quote is shown. Every evidence item of a relation asks in the
 * same render, and the graph source sends those asks as one request.
 */
import { useEffect, useState } from 'react';
import { contextHeld, type ModelSource } from '../../model/core/held-text';
import { useActions } from '../../store/context';

export type QuoteContextState =
  { kind: 'held' } | { kind: 'loading' } | { kind: 'failed'; message: string; retry: () => void };

/** Fetches the text around the quote `quoteId` (at `start`–`end` of `source`) when it is not held. */
export function useQuoteContext(
  source: ModelSource,
  quoteId: string,
  start: number,
  end: number,
): QuoteContextState {
  const { quoteContexts } = useActions();
  const held = contextHeld(source, start, end);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${quoteId} ${attempt}`;
  useEffect(() => {
    if (held) return;
    let live = true;
    quoteContexts([quoteId]).catch((e: unknown) => {
      if (live) setFailed({ key, message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      live = false;
    };
  }, [held, quoteId, key, quoteContexts]);
  if (held) return { kind: 'held' };
  if (failed?.key === key)
    return { kind: 'failed', message: failed.message, retry: () => setAttempt((n) => n + 1) };
  return { kind: 'loading' };
}
