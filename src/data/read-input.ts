/** Reads a bundle's text where it is (URL, file or string), reporting bytes as they arrive. */
import type { BundleInput, LoadFailure } from './load-protocol';
import type { Problem } from '../model/format/problems';

export type ReadOutcome = { ok: true; text: string } | { ok: false; failure: LoadFailure };

async function readStream(
  body: ReadableStream<Uint8Array>,
  total: number,
  onBytes: (done: number, total: number) => void,
): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    onBytes(done, total);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export async function readInput(
  input: BundleInput,
  onBytes: (done: number, total: number) => void,
): Promise<ReadOutcome> {
  try {
    if (input.kind === 'text') return { ok: true, text: input.text };
    if (input.kind === 'blob')
      return { ok: true, text: await readStream(input.blob.stream(), input.blob.size, onBytes) };
    const res = await fetch(input.url);
    if (res.status === 422) {
      // The dev server could not compile the dataset and says why.
      const body = (await res.json().catch(() => ({}))) as { problems?: Problem[]; total?: number };
      return {
        ok: false,
        failure: {
          reason: 'http',
          status: 422,
          ...(body.problems ? { problems: body.problems } : {}),
          ...(typeof body.total === 'number' ? { total: body.total } : {}),
        },
      };
    }
    if (!res.ok) return { ok: false, failure: { reason: 'http', status: res.status } };
    // Unknown (0) when the server compresses or does not say; progress then shows bytes without a total.
    const total = Number(res.headers.get('content-length') ?? 0);
    if (!res.body) return { ok: true, text: await res.text() };
    return { ok: true, text: await readStream(res.body, total, onBytes) };
  } catch (e) {
    return { ok: false, failure: { reason: 'unreadable', message: String(e) } };
  }
}
