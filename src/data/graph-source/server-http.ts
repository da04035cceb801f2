/**
 * JSON over HTTP to a Threadline server (docs/server.md), worded for the explorer: no answer or a 5xx is a
 * SourceUnavailable (the notice says the server is unavailable), any other refusal an Error with the
 * server's own one-line message, and a request cancelled because a newer one superseded it resolves null.
 */
import { SourceUnavailable } from '../../model/source/graph-source';

export type Fetch = typeof fetch;

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** The answer's body as JSON, or null when `signal` cancelled the request. */
export async function requestJson<T>(
  fetchFn: Fetch,
  url: string,
  signal: AbortSignal | undefined,
  body?: unknown,
): Promise<T | null> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      ...(signal ? { signal } : {}),
      ...(body === undefined
        ? {}
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return null;
    throw new SourceUnavailable('no answer', e);
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
    if (signal?.aborted) return null;
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return null;
    if (res.status >= 500) throw new SourceUnavailable(`it answered ${res.status}`, e);
    throw new Error(
      `The server's answer to ${new URL(url, 'http://x').pathname} is not JSON (${res.status}).`,
      {
        cause: e,
      },
    );
  }
  if (res.ok) return parsed as T;
  const said = (parsed as { error?: unknown } | null)?.error;
  const message = typeof said === 'string' ? said : `it answered ${res.status}`;
  if (res.status >= 500) throw new SourceUnavailable(message);
  throw new Error(`The server refused: ${message}.`);
}
