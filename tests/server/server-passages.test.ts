/**
 * "Said in the sources" on a server dataset, against the real API (on PGlite, or DATABASE_URL's
 * PostgreSQL): `…/search/passages` answers what `…/search/quotes` finds, as the search box shows it (the
 * matched words marked, the relations worded as on a local dataset, in the same order); the server graph
 * source turns it into passage hits, cached, a superseded search cancelled; and a picked hit's relation is
 * loaded with its evidence and source text exactly as the whole model has them.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationSentence } from '../../src/model/core/relation-wording';
import { buildModel } from '../../src/model/core/model-builder';
import type { Model } from '../../src/model/core/model';
import { indexPassages } from '../../src/model/search/passage-index';
import { searchPassages as searchLocally } from '../../src/model/search/passage-search';
import { SourceUnavailable } from '../../src/model/source/graph-source';
import { createServerSource } from '../../src/data/graph-source/server-source';
import type { Fetch } from '../../src/data/graph-source/server-http';
import { marksFromHeadline, type PassageOut } from '../../src/server/api-passages';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { passageQuery, STOP_WORDS } from '../../src/server/passage-words';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;
let whole: Model;
const API = 'http://threadline.test/api/';
const DS = '/api/datasets/trump-putin';

beforeAll(async () => {
  database = await testDatabase('server_passages');
  db = await database.open();
  const bundle = articleBundle();
  whole = buildModel(bundle);
  await importBundle(db, bundle);
  app = createApp({ db });
});
afterAll(async () => {
  await db.close().catch(() => {});
  await database.dispose();
});

async function get<T>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}
const passages = async (q: string, limit = 10) =>
  (await get<{ passages: PassageOut[] }>(`${DS}/search/passages?q=${encodeURIComponent(q)}&limit=${limit}`))
    .passages;
const marked = (p: { snippet: string; marks: Array<{ start: number; end: number }> }) =>
  p.marks.map((m) => p.snippet.slice(m.start, m.end));

/** The API as `fetch`, counting requests by path; `down` makes it unreachable, as a stopped server is. */
function client() {
  const asked: string[] = [];
  const state = { down: false };
  const fetchFn: Fetch = async (input, init) => {
    const url = String(input);
    asked.push(new URL(url).pathname.replace(/^\/api\/datasets\/trump-putin\//, ''));
    if (state.down) throw new TypeError('Failed to fetch');
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const res = await app.request(url, init);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return res;
  };
  return { fetchFn, asked, state };
}
const source = (fetchFn: Fetch) =>
  createServerSource({ api: API, dataset: 'trump-putin', datasets: [], fetch: fetchFn });

describe('GET …/search/passages', () => {
  it('finds every word as it is typed, as the local search does, those with every word whole (stemmed) first', async () => {
    const index = indexPassages(whole.data);
    // Every hit the local search has, of every kind, so that none is left out for the limit.
    const locally = (q: string) => {
      const hits = searchLocally(whole.data, index, q, 50);
      return hits.length < 50 ? hits.filter((h) => h.kind === 'quote').map((h) => h.id) : null;
    };
    // Every start (two letters and more) of every word of a few quotes, and pairs of words half typed.
    const said = ['q-eric', 'q-don-jr', 'q-strongest-link', 'q-just-business'].map(
      (id) => whole.quotes.get(id)!.exact,
    );
    const words = [...new Set(said.flatMap((t) => t.toLowerCase().match(/[a-z]{2,}/g) ?? []))];
    const typed = words.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)).filter((p) => p.length >= 2));
    typed.push('golf cour', 'eric tal', 'american ban', 'money flow', 'reportedl', 'fundin');
    let compared = 0;
    for (const q of typed) {
      const { quotes } = await get<{ quotes: Array<{ id: string }> }>(
        `${DS}/search/quotes?q=${encodeURIComponent(q)}&limit=50`,
      );
      const stemmed = quotes.map((h) => h.id);
      const local = locally(q);
      if (!local || new Set([...stemmed, ...local]).size >= 50) continue;
      compared++;
      const found = (await passages(q, 50)).map((p) => p.quote);
      // Whole words first, ranked as …/search/quotes ranks them; then every other quote the local search finds.
      expect(found.slice(0, stemmed.length), q).toEqual(stemmed);
      const others = new Set(local.filter((id) => !stemmed.includes(id)));
      // The index holds no stop words: a word only they start ("hi" of "his") finds the rest it starts.
      if (passageQuery(q)!.words.every((w) => STOP_WORDS.some((s) => s.startsWith(w))))
        expect(
          found.slice(stemmed.length).filter((id) => !others.has(id)),
          q,
        ).toEqual([]);
      else expect(new Set(found.slice(stemmed.length)), q).toEqual(others);
    }
    expect(compared).toBeGreaterThan(200);
    const [golf] = await passages('golf');
    expect(marked(golf!)).toEqual(['golf']);
    // The database's stemming, not the letters typed: "funded" marks "funding".
    const [funded] = (await passages('funded')).filter((p) => p.quote === 'q-eric');
    expect(marked(funded!)).toEqual(['funding']);
  });

  it('marks every word starting with a typed one, as the local search box marks it', async () => {
    const index = indexPassages(whole.data);
    for (const q of ['golf cour', 'reportedl', 'americ ban', 'oligarch', 'organiz crim']) {
      const local = searchLocally(whole.data, index, q, 50).filter((h) => h.kind === 'quote');
      expect(local.length, q).toBeGreaterThan(0);
      const found = await passages(q, 50);
      for (const hit of local) {
        const server = found.find((p) => p.quote === hit.id)!;
        expect(server, `${q}: ${hit.id}`).toBeDefined();
        expect([server.snippet, server.marks], `${q}: ${hit.id}`).toEqual([hit.snippet, hit.marks]);
      }
    }
    const [eric] = (await passages('golf cour')).filter((p) => p.quote === 'q-eric');
    expect(marked(eric!)).toEqual(['golf', 'courses']);
  });

  it('words the relations a quote backs as the local search box does, in the same order', async () => {
    const local = searchLocally(whole.data, indexPassages(whole.data), 'golf', 8).find(
      (h) => h.id === 'q-eric',
    )!;
    const [hit] = (await passages('golf')).filter((p) => p.quote === 'q-eric');
    expect(hit!.relations.map((r) => r.id)).toEqual(local.relations);
    for (const r of hit!.relations) {
      const record = whole.relations.get(r.id)!;
      expect(r.sentence).toBe(relationSentence(whole, record));
      expect([r.source, r.target, r.type, r.status]).toEqual([
        record.source,
        record.target,
        record.type,
        record.status,
      ]);
    }
  });

  it('cuts a long quote around its first match, with the marks moved into the snippet', async () => {
    const long = [...whole.quotes.values()].find((q) => q.exact.length > 400 && /\bRussia\b/.test(q.exact));
    expect(long).toBeDefined();
    const words = long!.exact.split(/\s+/);
    const late = words.slice(-12).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    const hit = (await passages(`"${late}"`, 50)).find((p) => p.quote === long!.id)!;
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.length).toBeLessThan(long!.exact.length);
    expect(marked(hit).map((w) => w.toLowerCase())).toContain(late.toLowerCase());
  });

  it('reads hostile text as the words in it, never as query syntax, and finds nothing in punctuation alone', async () => {
    const golfing = async (q: string) => {
      const found = await passages(q);
      expect(
        found.map((p) => p.quote),
        q,
      ).toContain('q-eric');
      expect(marked(found.find((p) => p.quote === 'q-eric')!), q).toEqual(['golf']);
    };
    for (const q of [
      "'gol",
      "gol'",
      '\\gol',
      'gol:*',
      '(gol)',
      '&|!gol',
      'gol<->',
      '"gol',
      'gol & !',
      '!gol',
    ])
      await golfing(q);
    await golfing('golf '.repeat(40));
    for (const q of [
      "'",
      '\\',
      ':*',
      '&|!()',
      '!!:*&|<->',
      ')))(((',
      "'; --",
      '…',
      '— –',
      'x'.repeat(200),
      'a',
    ])
      expect(await passages(q), q).toEqual([]);
    for (const q of ["'; DROP TABLE tl_quotes; --", '%', 'ab '.repeat(66), 'é'.repeat(200), '😀 golf'])
      expect(Array.isArray(await passages(q)), q).toBe(true);
    expect(await passages('golf')).not.toEqual([]);
    const bad = async (path: string, status: number, message: RegExp) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      const { error } = (await res.json()) as { error: string };
      expect(error).toMatch(message);
      expect(error).not.toContain('\n');
    };
    await bad(`${DS}/search/passages?q=golf&limit=51`, 400, /^limit: /);
    await bad(`${DS}/search/passages?q=%00`, 400, /^q: .*NUL/);
    await bad(`${DS}/search/passages?q=${'a'.repeat(201)}`, 400, /^q: /);
    await bad(`${DS}/search/passages`, 400, /^q: /);
    await bad('/api/datasets/no-such/search/passages?q=golf', 404, /no-such/);
  });

  it('knows the stop words the database’s English index leaves out', async () => {
    const rows = await db.query<{ word: string; kept: boolean }>(
      `SELECT word, numnode(plainto_tsquery('english', word)) > 0 AS kept FROM unnest($1::text[]) AS word`,
      [[...STOP_WORDS, 'golf', 'russia', 'high', 'theory']],
    );
    expect(rows.filter((r) => !r.kept).map((r) => r.word)).toEqual(STOP_WORDS);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.paths)).toContain('/api/datasets/{dataset}/search/passages');
  });

  it('reads ts_headline’s copy of a quote back to spans, and refuses a copy that is not the quote', () => {
    expect(marksFromHeadline('a golf course', 'a \u0001golf\u0002 course')).toEqual([{ start: 2, end: 6 }]);
    expect(marksFromHeadline('😀 golf', '😀 \u0001golf\u0002')).toEqual([{ start: 3, end: 7 }]);
    expect(marksFromHeadline('a golf', 'a \u0001golfs\u0002')).toBeNull();
  });
});

describe('the server graph source’s passage search', () => {
  it('gives the search box passage hits, worded, asking the server once per query', async () => {
    const { fetchFn, asked } = client();
    const s = source(fetchFn);
    await s.open();
    const hits = (await s.searchPassages('golf', 6))!;
    const hit = hits.find((h) => h.id === 'q-eric')!;
    expect(hit.kind).toBe('quote');
    expect(hit.snippet.slice(hit.marks[0]!.start, hit.marks[0]!.end)).toBe('golf');
    expect(hit.relationSentences).toEqual(
      hit.relations.map((r) => relationSentence(whole, whole.relations.get(r)!)),
    );
    const before = asked.length;
    expect(await s.searchPassages('golf', 6)).toEqual(hits);
    expect(asked.length).toBe(before);
    // Nothing to search (as in memory, no word of two letters): nothing is asked.
    for (const q of ['   ', 'a', 'a b c', '!?', "' :*"]) expect(await s.searchPassages(q, 6), q).toEqual([]);
    expect(asked.length).toBe(before);
    // A word being typed is searched as it is.
    expect((await s.searchPassages('golf cour', 6))!.map((h) => h.id)).toContain('q-eric');
  });

  it('cancels a passage search superseded by a newer one, and not the entity search beside it', async () => {
    const { fetchFn } = client();
    const signals = new Map<string, AbortSignal>();
    const s = source(async (input, init) => {
      if (init?.signal) signals.set(new URL(String(input)).searchParams.get('q') ?? '', init.signal);
      await new Promise((r) => setTimeout(r, 5));
      return fetchFn(input, init);
    });
    const entities = s.searchEntities('eric', 5)!;
    const first = s.searchPassages('golf', 6)!;
    const second = s.searchPassages('banks', 6)!;
    expect(await first).toBeNull();
    expect(signals.get('golf')!.aborted).toBe(true);
    expect((await second)?.some((h) => h.id === 'q-eric')).toBe(true);
    expect((await entities)?.[0]?.id).toBe('eric-trump');
  });

  it('loads a picked hit’s relation with its evidence and source text as the whole model has them', async () => {
    const { fetchFn } = client();
    const s = source(fetchFn);
    const opened = await s.open();
    const hit = (await s.searchPassages('golf', 6))!.find((h) => h.id === 'q-eric')!;
    const relation = hit.relations[0]!;
    expect(opened.model.relations.has(relation)).toBe(false);
    const grown = await s.ensure({ kind: 'relation', id: relation });
    const model = grown!.model;
    const record = model.relations.get(relation)!;
    expect(record.evidence).toEqual(whole.relations.get(relation)!.evidence);
    for (const q of record.evidence) expect(model.quotes.get(q)).toEqual(whole.quotes.get(q));
    // The article's sources are long: held as the windows its quotes need, whole once the reader asks.
    const text = whole.sources.get(hit.sourceId!)!.text;
    expect(model.sources.get(hit.sourceId!)!.held?.length).toBe(text.length);
    const full = await s.wholeTexts([hit.sourceId!]);
    expect(full!.model.sources.get(hit.sourceId!)!.text).toBe(text);
    // Held now: asking again is no fetch.
    expect(s.ensure({ kind: 'relation', id: relation })).toBeNull();
  });

  it('loads a relation it was not shown in a search by asking the server for its ends', async () => {
    const { fetchFn, asked } = client();
    const s = source(fetchFn);
    const opened = await s.open();
    const relation = [...whole.relations.keys()].find((id) => !opened.model.relations.has(id))!;
    const grown = await s.ensure({ kind: 'relation', id: relation });
    expect(grown!.model.relations.get(relation)?.evidence).toEqual(whole.relations.get(relation)!.evidence);
    expect(asked).toContain(`relations/${relation}`);
  });

  it('says the server is unavailable when it is gone, and searches and loads again once it is back', async () => {
    const { fetchFn, state } = client();
    const s = source(fetchFn);
    await s.open();
    state.down = true;
    await expect(s.searchPassages('golf', 6)).rejects.toThrow(SourceUnavailable);
    await expect(s.ensure({ kind: 'relation', id: 'eric-golf-funding' })).rejects.toThrow(
      /server is unavailable/,
    );
    state.down = false;
    expect((await s.searchPassages('golf', 6))?.length).toBeGreaterThan(0);
    expect(
      (await s.ensure({ kind: 'relation', id: 'eric-golf-funding' }))!.model.relations.has(
        'eric-golf-funding',
      ),
    ).toBe(true);
  });
});

describe('the database going away', () => {
  it('answers 503 with a message, which the source says as the server being unavailable', async () => {
    const { fetchFn } = client();
    const s = source(fetchFn);
    await s.open();
    await db.close();
    const res = await app.request(`${DS}/search/passages?q=golf`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/^The database is unavailable/);
    await expect(s.searchPassages('golf', 6)).rejects.toThrow(/^The server is unavailable \(The database/);
  });
});
