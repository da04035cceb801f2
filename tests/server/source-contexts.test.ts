/**
 * An explorer answer carries the text around its quotes up to a budget; past it a source comes as its quotes
 * alone (each quote's own stretch, verbatim), and `…/contexts` gives the windows of the quotes asked for.
 * The model then still holds every quote it is cited by, and the sentence around one comes when it is shown.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextHeld, type Stretch } from '../../src/model/core/held-text';
import { createServerSource } from '../../src/data/graph-source/server-source';
import { CONTEXT_QUOTES_MAX } from '../../src/server/api-explorer';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { WINDOW_CHARS } from '../../src/server/evidence-records';
import { importBundle } from '../../src/server/import';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';
import { generatedBundle } from './generated-bundle';

interface SourceOut {
  id: string;
  text?: string;
  length?: number;
  windows?: Stretch[];
}
interface Answer {
  sources: SourceOut[];
  quotes: Array<{ id: string; sourceId: string; exact: string; start: number; end: number }>;
  error?: string;
}

let database: TestDatabase;
let db: Db;
const article = articleBundle();
const texts = new Map(article.sources.map((s) => [s.id, s.text]));
const opening = { entityIds: ['paul-manafort', 'konstantin-kilimnik', 'vladimir-putin', 'russia'] };

beforeAll(async () => {
  database = await testDatabase('source_contexts');
  db = await database.open();
  await importBundle(db, article);
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

const post = async (app: Hono, path: string, body: object) => {
  const res = await app.request(`/api/datasets/trump-putin/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer & { delta?: Answer } };
};

/** Every stretch sent verbatim at its place in its source. */
function expectVerbatim(sources: readonly SourceOut[]) {
  for (const s of sources) {
    const whole = texts.get(s.id)!;
    if (s.text !== undefined) expect(s.text).toBe(whole);
    else expect(s.length).toBe(whole.length);
    for (const w of s.windows ?? [])
      expect(w.text, `${s.id} ${w.start}`).toBe(whole.slice(w.start, w.start + w.text.length));
  }
}

/** Source ids with the window around each of `quotes` that they hold. */
const aroundEach = (answer: Answer, sources: readonly SourceOut[]) =>
  answer.quotes.map((q) => {
    const s = sources.find((x) => x.id === q.sourceId)!;
    return s.windows?.find((w) => w.start <= q.start && q.end <= w.start + w.text.length);
  });

describe('the text around quotes, past an answer’s budget', () => {
  it('sends each quote alone once the budget is spent, and its context when asked for', async () => {
    const bare = createApp({ db, answerContextChars: 0 });
    const { status, body } = await post(bare, 'loaded', opening);
    expect(status).toBe(200);
    expect(body.quotes.length).toBeGreaterThanOrEqual(3);
    expectVerbatim(body.sources);
    // Each quote is held (its own stretch), and nothing around it is.
    for (const [i, w] of aroundEach(body, body.sources).entries()) {
      const q = body.quotes[i]!;
      expect(w, q.id).toBeDefined();
      expect(w!.text.slice(q.start - w!.start, q.end - w!.start)).toBe(q.exact);
    }
    const sent = body.sources.reduce(
      (n, s) => n + (s.windows ?? []).reduce((m, w) => m + w.text.length, 0),
      0,
    );
    expect(sent).toBeLessThanOrEqual(body.quotes.reduce((n, q) => n + q.exact.length, 0));

    const asked = body.quotes.slice(0, 3);
    const contexts = await post(bare, 'contexts', { quotes: asked.map((q) => q.id) });
    expect(contexts.status).toBe(200);
    expectVerbatim(contexts.body.sources);
    for (const q of asked) {
      const s = contexts.body.sources.find((x) => x.id === q.sourceId)!;
      const w = s.windows!.find((x) => x.start <= q.start && q.end <= x.start + x.text.length)!;
      expect(w.start).toBeLessThanOrEqual(Math.max(0, q.start - WINDOW_CHARS));
      expect(w.start + w.text.length).toBeGreaterThanOrEqual(Math.min(s.length!, q.end + WINDOW_CHARS));
    }
  });

  it('spends the budget source by source, and sends every window under the default one', async () => {
    const full = await post(createApp({ db }), 'loaded', opening);
    const windowed = full.body.sources.filter((s) => s.windows);
    expect(windowed.length).toBe(2);
    for (const w of aroundEach(full.body, full.body.sources))
      expect(w!.text.length).toBeGreaterThan(WINDOW_CHARS);
    // A budget that holds the first source's windows and not the second's.
    const first = windowed[0]!.windows!.reduce((n, w) => n + w.text.length, 0);
    const half = await post(createApp({ db, answerContextChars: first }), 'loaded', opening);
    expectVerbatim(half.body.sources);
    expect(half.body.sources[0]!.windows).toEqual(windowed[0]!.windows);
    const second = half.body.sources[1]!;
    for (const q of half.body.quotes.filter((x) => x.sourceId === second.id))
      expect(
        second.windows!.some((w) => w.start === q.start && w.text === q.exact),
        q.id,
      ).toBe(true);
    expect(
      second.windows!.every((w) => half.body.quotes.some((q) => q.start === w.start && q.exact === w.text)),
    ).toBe(true);
  });

  it('answers bad requests for contexts with a located sentence, and leaves unknown quotes out', async () => {
    const app = createApp({ db });
    expect((await post(app, 'contexts', { quotes: [] })).status).toBe(400);
    const tooMany = await post(app, 'contexts', { quotes: Array.from({ length: 501 }, (_, i) => `q${i}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/^quotes: /);
    const hostile = await post(app, 'contexts', { quotes: ["'; DROP TABLE tl_quotes; --", 'no-such-quote'] });
    expect(hostile.status).toBe(200);
    expect(hostile.body.sources).toEqual([]);
  });
});

describe('the explorer asking for contexts', () => {
  // More quotes than one request may name, held alone: an interactive page of a large view asks for them all.
  const generated = generatedBundle({ entities: 400, relations: 1200, seed: 7, sourceBytes: 20_000 });

  it('asks in requests the server takes, and then holds the text around every quote', async () => {
    const other = await testDatabase('source_contexts_many');
    const otherDb = await other.open();
    try {
      await importBundle(otherDb, generated);
      const app = createApp({ db: otherDb, answerContextChars: 0 });
      const asked: number[] = [];
      const fetchFn: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/contexts'))
          asked.push((JSON.parse(String(init!.body)) as { quotes: string[] }).quotes.length);
        return app.request(String(input), init);
      };
      const source = createServerSource({
        api: 'http://threadline.test/api/',
        dataset: generated.dataset.id,
        datasets: [],
        fetch: fetchFn,
      });
      await source.open();
      const all = await source.ensure({ kind: 'entities', ids: generated.entities.map((e) => e.id) });
      const model = all!.model;
      const ids = [...model.quotes.keys()];
      const lacking = ids.filter((id) => {
        const q = model.quotes.get(id)!;
        return !contextHeld(model.sources.get(q.sourceId)!, q.start, q.end);
      });
      expect(lacking.length).toBeGreaterThan(CONTEXT_QUOTES_MAX);
      const grown = await source.quoteContexts(ids);
      expect(asked.length).toBeGreaterThan(1);
      expect(Math.max(...asked)).toBeLessThanOrEqual(CONTEXT_QUOTES_MAX);
      for (const id of ids) {
        const q = grown!.model.quotes.get(id)!;
        expect(contextHeld(grown!.model.sources.get(q.sourceId)!, q.start, q.end), id).toBe(true);
      }
    } finally {
      await otherDb.close();
      await other.dispose();
    }
  });
});
