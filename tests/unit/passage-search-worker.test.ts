import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassageWorkerMessage, PassageWorkerReply } from '../../src/data/passage-search.worker';
import { buildModel } from '../../src/model/core/model-builder';
import { indexPassages, passageSourceOf } from '../../src/model/search/passage-index';
import { describeMatches, searchPassages } from '../../src/model/search/passage-search';
import { articleBundle } from './fixtures';

/** The worker's module run in Node: messages go through structuredClone both ways, as postMessage copies them. */
describe('the full-text search worker', () => {
  const replies: PassageWorkerReply[] = [];
  const scope = globalThis as unknown as {
    self?: { onmessage?: (e: { data: PassageWorkerMessage }) => void; postMessage?: (r: unknown) => void };
  };
  const post = (msg: PassageWorkerMessage) => scope.self!.onmessage!({ data: structuredClone(msg) });

  beforeAll(async () => {
    scope.self = { postMessage: (r) => replies.push(structuredClone(r) as PassageWorkerReply) };
    await import('../../src/data/passage-search.worker');
  });
  afterAll(() => {
    delete scope.self;
  });

  const model = buildModel(articleBundle());
  const inline = (q: string) => searchPassages(model.data, indexPassages(model.data), q, 6);
  const ask = (id: number, query: string) => {
    post({ type: 'search', id, query, limit: 6 });
    const reply = replies.find((r) => r.id === id)!;
    if (!reply.ok) throw new Error(reply.error);
    return describeMatches(model.data, reply.matches);
  };

  it('says it has no dataset before it is sent one', () => {
    post({ type: 'search', id: 1, query: 'golf', limit: 6 });
    expect(replies.find((r) => r.id === 1)).toEqual({
      id: 1,
      ok: false,
      error: expect.stringMatching(/no dataset/),
    });
  });

  it('answers from the texts alone what the model answers in place; a query asked while texts arrive waits for them', () => {
    const { texts, quotes, ...rest } = passageSourceOf(model.data);
    // A compact dataset: names and notes first, its evidence later.
    post({ type: 'init', source: rest });
    expect(ask(2, 'golf').filter((h) => h.kind === 'quote')).toEqual([]);
    post({ type: 'evidence', batch: 1, quotes: quotes!, texts: texts!.length });
    post({ type: 'search', id: 3, query: 'golf', limit: 6 });
    expect(replies.find((r) => r.id === 3)).toBeUndefined();
    texts!.forEach((text, s) => post({ type: 'text', batch: 1, source: s, text }));
    const waited = replies.find((r) => r.id === 3);
    expect(waited?.ok && describeMatches(model.data, waited.matches)).toEqual(inline('golf'));
    for (const [id, q] of [
      [4, 'family'],
      [5, 'dossier'],
      [6, 'trump tow'],
    ] as const)
      expect(ask(id, q)).toEqual(inline(q));
    expect(ask(7, 'golf')[0]).toMatchObject({ kind: 'quote', id: 'q-eric' });
  });

  it('drops the texts of evidence replaced while they were on their way', () => {
    const { texts, quotes } = passageSourceOf(model.data);
    post({ type: 'evidence', batch: 2, quotes: quotes!, texts: texts!.length });
    post({ type: 'evidence', batch: 3, quotes: quotes!, texts: texts!.length });
    texts!.forEach((text, s) => post({ type: 'text', batch: 2, source: s, text: `${text} stale` }));
    texts!.forEach((text, s) => post({ type: 'text', batch: 3, source: s, text }));
    expect(ask(8, 'stale')).toEqual([]);
    expect(ask(9, 'golf')).toEqual(inline('golf'));
  });
});
