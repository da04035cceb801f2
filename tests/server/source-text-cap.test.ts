/**
 * A view whose evidence cites more source text than one answer carries is refused with a sentence (413),
 * not sent: at 5M relations an opening's sources ran past V8's longest string and the server answered 500.
 * The explorer's answers carry long sources as windows, so the cap guards only an answer that would still
 * be too large; an export's sub-bundle (whole texts) meets it first.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerSource } from '../../src/data/graph-source/server-source';
import type { Fetch } from '../../src/data/graph-source/server-http';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let capped: Hono;
let open: Hono;
let windowsOnly: Hono;
beforeAll(async () => {
  database = await testDatabase('source_text_cap');
  db = await database.open();
  await importBundle(db, articleBundle());
  // The article's one source is a few tens of kilobytes: a cap of 1,000 bytes is passed by any view.
  capped = createApp({ db, maxSourceTextBytes: 1000 });
  open = createApp({ db });
  // Less than either of the article's sources (10 and 22 KB), more than the windows a view needs.
  windowsOnly = createApp({ db, maxSourceTextBytes: 9000 });
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

const IDS = ['vladimir-putin', 'russian-interference-2016'];
const post = (app: Hono, path: string, body: object) =>
  app.request(`http://threadline.test/api/datasets/trump-putin/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('source text past the cap', () => {
  it('refuses the opening, a step and an expansion with a sentence naming the sizes', async () => {
    for (const [path, body] of [
      ['loaded', { entityIds: IDS, sourcesHeld: [] }],
      ['delta', { entityIds: ['russia'], known: IDS, sourcesHeld: [] }],
      ['expand', { id: 'vladimir-putin', limit: 50, pages: 1, known: [], room: 200, sourcesHeld: [] }],
      ['subgraph', { entityIds: IDS }],
    ] as const) {
      const res = await post(capped, path, body);
      expect(res.status, path).toBe(413);
      const { error } = (await res.json()) as { error: string };
      expect(error, path).toMatch(
        /cites \d+ sources? (holding|whose text around its quotes comes to) \d+ KB( of text)?, more than the server sends in one answer \(1 KB\)/,
      );
    }
  });

  it('sends the same requests under the default cap', async () => {
    expect((await post(open, 'loaded', { entityIds: IDS, sourcesHeld: [] })).status).toBe(200);
    expect((await post(open, 'subgraph', { entityIds: IDS })).status).toBe(200);
  });

  it('sends the explorer’s answers under a cap no whole source fits, as windows; refuses only the export', async () => {
    for (const [path, body] of [
      ['loaded', { entityIds: IDS, sourcesHeld: [] }],
      ['delta', { entityIds: ['russia'], known: IDS, sourcesHeld: [] }],
      ['expand', { id: 'paul-manafort', limit: 3, pages: 1, known: [], room: 200, sourcesHeld: [] }],
    ] as const) {
      const res = await post(windowsOnly, path, body);
      expect(res.status, path).toBe(200);
    }
    const res = await post(windowsOnly, 'subgraph', { entityIds: IDS });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/holding \d+ KB of text/);
  });

  it('shows the explorer the sentence, not a failure without words', async () => {
    const fetchFn: Fetch = async (input, init) => capped.request(String(input), init);
    const source = createServerSource({
      api: 'http://threadline.test/api/',
      dataset: 'trump-putin',
      datasets: [],
      fetch: fetchFn,
    });
    await expect(source.ensure({ kind: 'entities', ids: IDS })).rejects.toThrow(
      /The server refused: The evidence here cites \d+ sources? whose text around its quotes comes to/,
    );
  });
});
