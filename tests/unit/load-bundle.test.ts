import { describe, expect, it } from 'vitest';
import { loadBundle, type LoadProgress } from '../../src/data/load-bundle';
import { loadBundleFile } from '../../src/data/load-dataset';
import { LOAD_STEPS } from '../../src/data/load-protocol';
import { buildModel } from '../../src/model/core/model-builder';
import { articleBundle } from './fixtures';

// Node has no Web Worker, so these run the worker's steps on this thread: the same messages, in order.
describe('progressive loading', () => {
  const bundle = articleBundle();
  const text = JSON.stringify(bundle);

  it('builds the same model as buildModel and a working search, reporting every step in order', async () => {
    const seen: LoadProgress[] = [];
    const outcome = await loadBundle({ input: { kind: 'text', text }, file: 'article.json' }, (p) =>
      seen.push(p),
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
    const expected = buildModel(bundle);
    expect(outcome.model.data).toEqual(expected.data);
    expect([...outcome.model.relations.values()]).toEqual(bundle.relations);
    expect(outcome.search.search('Vlad')[0]?.id).toBe('vladimir-putin');

    const steps = [...new Set(seen.map((p) => p.step))];
    expect(steps).toEqual([...LOAD_STEPS]);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('reads a file and reports what is wrong with an invalid one', async () => {
    const broken = JSON.parse(text) as typeof bundle;
    broken.relations[0]!.target = 'nobody';
    const result = await loadBundleFile(new Blob([JSON.stringify(broken)]), 'broken.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.title).toBe('broken.json could not be opened');
    expect(result.problems.map((p) => p.code)).toContain('dangling-reference');
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      loadBundle({ input: { kind: 'text', text }, file: 'a.json' }, undefined, abort.signal),
    ).rejects.toThrow();
  });
});

describe('cancelling a load', () => {
  /**
   * A file whose first bytes arrive and the rest never do. When the reader asks for more, Cancel is pressed
   * in a later task: by then the loader has handled every message and waits for the next one, as it does
   * while the worker checks a large bundle.
   */
  const stalling = (cancel: AbortController): Blob => {
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('{')),
      pull: () => {
        setTimeout(() => cancel.abort(), 0);
        return new Promise<void>(() => {});
      },
    });
    return { size: 1_000_000, stream: () => stream } as unknown as Blob;
  };

  it('ends at once when aborted while waiting for the worker, having reported the reading', async () => {
    const abort = new AbortController();
    const steps: string[] = [];
    const request = { input: { kind: 'blob', blob: stalling(abort) }, file: 'big.json' } as const;
    const loading = loadBundle(request, (p) => steps.push(p.step), abort.signal);
    await expect(loading).rejects.toThrow(/abort/i);
    expect(steps).toContain('Reading');
  });

  it('as a file the user opened: rejects rather than reporting a broken file', async () => {
    const abort = new AbortController();
    const loading = loadBundleFile(stalling(abort), 'big.json', { signal: abort.signal });
    await expect(loading).rejects.toThrow(/abort/i);
  });
});
