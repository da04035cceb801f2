/**
 * The explorer's answers carry a long source as the windows its quotes need (with its record and length),
 * a short one whole: the opening's sub-bundle, a step's delta and an expansion alike. A source the explorer
 * holds in part is not named as held, so a later step citing more of it brings those windows; one held
 * whole is left out. The export's sub-bundle keeps whole texts.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stretch } from '../../src/model/core/held-text';
import type { Bundle } from '../../src/model/format/bundle';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { WINDOW_CHARS } from '../../src/server/evidence-records';
import { importBundle } from '../../src/server/import';
import { articleBundle, fixtureBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;
const article = articleBundle();
const small = fixtureBundle('two-sources');
const texts = new Map([...article.sources, ...small.sources].map((s) => [s.id, s.text]));

beforeAll(async () => {
  database = await testDatabase('source_windows');
  db = await database.open();
  await importBundle(db, article);
  await importBundle(db, small);
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

interface SourceOut {
  id: string;
  title: string;
  text?: string | null;
  length?: number;
  windows?: Stretch[];
}
interface Answer {
  sources: SourceOut[];
  quotes: Array<{ id: string; sourceId: string; exact: string; start: number; end: number }>;
}

const post = async (dataset: string, path: string, body: object) => {
  const res = await app.request(`http://threadline.test/api/datasets/${dataset}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer & { error?: string; delta?: Answer } };
};

/** Every window verbatim at its place, and every quote of the answer inside a window of its source. */
function expectWindowed(answer: Answer) {
  const windowed = answer.sources.filter((s) => s.windows);
  expect(windowed.length).toBeGreaterThan(0);
  for (const s of windowed) {
    const whole = texts.get(s.id)!;
    expect(s.text, s.id).toBeUndefined();
    expect(s.title, s.id).toBeTruthy();
    expect(s.length, s.id).toBe(whole.length);
    for (const w of s.windows!)
      expect(w.text, `${s.id} ${w.start}`).toBe(whole.slice(w.start, w.start + w.text.length));
    const sent = s.windows!.reduce((n, w) => n + w.text.length, 0);
    expect(sent, s.id).toBeLessThanOrEqual(whole.length);
  }
  for (const q of answer.quotes) {
    const s = windowed.find((x) => x.id === q.sourceId);
    if (!s) continue;
    const w = s.windows!.find((x) => x.start <= q.start && q.end <= x.start + x.text.length);
    expect(w, q.id).toBeDefined();
    expect(w!.text.slice(q.start - w!.start, q.end - w!.start)).toBe(q.exact);
    // The sentence around it comes too: a window reaches WINDOW_CHARS either side, or the text's end.
    expect(w!.start).toBeLessThanOrEqual(Math.max(0, q.start - WINDOW_CHARS));
    expect(w!.start + w!.text.length).toBeGreaterThanOrEqual(Math.min(s.length!, q.end + WINDOW_CHARS));
  }
}

describe('windows in the explorer’s answers', () => {
  it('the opening’s sub-bundle sends the article’s long sources as windows', async () => {
    const { status, body } = await post('trump-putin', 'loaded', {
      entityIds: ['paul-manafort', 'konstantin-kilimnik'],
    });
    expect(status).toBe(200);
    expectWindowed(body);
  });

  it('a step’s delta and an expansion send them as windows too', async () => {
    const delta = await post('trump-putin', 'delta', { entityIds: ['russia'], known: ['vladimir-putin'] });
    expect(delta.status).toBe(200);
    expectWindowed(delta.body);
    const expand = await post('trump-putin', 'expand', { id: 'paul-manafort', limit: 20 });
    expect(expand.status).toBe(200);
    expectWindowed(expand.body.delta!);
  });

  it('sends a short source whole', async () => {
    const { status, body } = await post(small.dataset.id, 'loaded', {
      entityIds: small.entities.map((e) => e.id),
    });
    expect(status).toBe(200);
    expect(body.sources.length).toBeGreaterThan(0);
    for (const s of body.sources) {
      expect(s.windows).toBeUndefined();
      expect(s.text).toBe(texts.get(s.id));
    }
  });

  it('brings the windows a later step needs of a source held in part, and leaves out one held whole', async () => {
    const first = await post('trump-putin', 'loaded', {
      entityIds: ['paul-manafort', 'konstantin-kilimnik'],
    });
    const heldInPart = first.body.sources.map((s) => s.id);
    const later = await post('trump-putin', 'expand', {
      id: 'vladimir-putin',
      limit: 20,
      known: ['paul-manafort', 'konstantin-kilimnik'],
      sourcesHeld: [],
    });
    const again = later.body.delta!.sources.filter((s) => heldInPart.includes(s.id));
    expect(again.length).toBeGreaterThan(0);
    expectWindowed(later.body.delta!);
    // The new quotes of a source held in part lie in the windows sent now, not only in those held.
    const cited = later.body.delta!.quotes.filter((q) => heldInPart.includes(q.sourceId));
    expect(cited.length).toBeGreaterThan(0);
    const whole = await post('trump-putin', 'expand', {
      id: 'vladimir-putin',
      limit: 20,
      known: ['paul-manafort', 'konstantin-kilimnik'],
      sourcesHeld: heldInPart,
    });
    expect(whole.body.delta!.sources.filter((s) => heldInPart.includes(s.id))).toEqual([]);
  });

  it('keeps whole texts in the export’s sub-bundle', async () => {
    const { status, body } = await post('trump-putin', 'subgraph', {
      entityIds: ['paul-manafort', 'konstantin-kilimnik'],
    });
    expect(status).toBe(200);
    for (const s of (body as unknown as Bundle).sources) expect(s.text).toBe(texts.get(s.id));
  });

  it('refuses a hostile or oversized list of held sources with a one-line 400', async () => {
    for (const [sourcesHeld, said] of [
      [Array.from({ length: 2001 }, (_, i) => `s${i}`), /^sourcesHeld: Too big/],
      [[42], /^sourcesHeld\.0: /],
      [['x'.repeat(301)], /^sourcesHeld\.0: Too big/],
      ['mueller-report-vol1', /^sourcesHeld: /],
    ] as const) {
      for (const path of ['loaded', 'delta', 'expand']) {
        const body =
          path === 'expand'
            ? { id: 'paul-manafort', sourcesHeld }
            : { entityIds: ['paul-manafort'], sourcesHeld };
        const res = await post('trump-putin', path, body);
        expect(res.status, path).toBe(400);
        expect(res.body.error, path).toMatch(said);
        expect(res.body.error).not.toContain('\n');
      }
    }
  });
});
