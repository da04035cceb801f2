/**
 * The explorer's server graph source against the real API (on PGlite, or DATABASE_URL's PostgreSQL): the
 * partial model it grows holds what each step needs exactly as the whole model has it, answers are cached,
 * a superseded request is cancelled, and a server gone is a SourceUnavailable that acting again retries.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PATH_OPTIONS, findPaths } from '../../src/model/analysis/paths';
import { buildModel } from '../../src/model/core/model-builder';
import type { Model } from '../../src/model/core/model';
import type { Bundle } from '../../src/model/format/bundle';
import { neighbours } from '../../src/model/core/queries';
import { SourceUnavailable } from '../../src/model/source/graph-source';
import { createServerSource, listServerDatasets } from '../../src/data/graph-source/server-source';
import type { Fetch } from '../../src/data/graph-source/server-http';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;
let whole: Model;
const API = 'http://threadline.test/api/';

beforeAll(async () => {
  database = await testDatabase('graph_source');
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
    // As fetch does: a request cancelled while the server answered rejects.
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return res;
  };
  return { fetchFn, asked, state };
}

const source = (fetchFn: Fetch) =>
  createServerSource({ api: API, dataset: 'trump-putin', datasets: [], fetch: fetchFn });

const quotesOf = (m: Model, relationId: string) =>
  m.relations.get(relationId)!.evidence.map((q) => m.quotes.get(q)!.exact);

describe('the server graph source', () => {
  it('lists the server’s datasets, and nothing where no Threadline API answers', async () => {
    const { fetchFn } = client();
    expect((await listServerDatasets(API, fetchFn))?.map((d) => d.id)).toEqual(['trump-putin']);
    const html: Fetch = async () =>
      new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    expect(await listServerDatasets(API, html)).toBeNull();
  });

  it('opens on the most connected entities, with every relation among them and its quotes verbatim', async () => {
    const { fetchFn } = client();
    const { model } = await source(fetchFn).open();
    const top = [...whole.entities.keys()]
      .map((id) => ({ id, degree: neighbours(whole, id).length }))
      .sort((a, b) => b.degree - a.degree);
    expect(model.entities.has(top[0]!.id)).toBe(true);
    expect(model.relations.size).toBeGreaterThan(0);
    for (const r of model.relations.values()) {
      expect(quotesOf(model, r.id)).toEqual(quotesOf(whole, r.id));
      expect(whole.relations.get(r.id)?.status).toBe(r.status);
    }
  });

  it('grows the model by an entity’s neighbours for an expansion, and asks for them only once', async () => {
    const { fetchFn, asked } = client();
    const s = source(fetchFn);
    const opened = await s.open();
    const id = 'paul-manafort';
    const grown = await s.ensure({ kind: 'expand', id });
    expect(grown).not.toBeNull();
    expect(grown!.model.entities.size).toBeGreaterThan(opened.model.entities.size);
    expect(neighbours(grown!.model, id).sort()).toEqual(neighbours(whole, id).sort());
    const relationsOfId = [...whole.relations.values()].filter((r) => r.source === id || r.target === id);
    expect(s.relationCounts(id)?.reduce((n, c) => n + c.count, 0)).toBe(relationsOfId.length);
    const before = asked.length;
    expect(s.ensure({ kind: 'expand', id })).toBeNull();
    expect(asked.length).toBe(before);
  });

  it('expands in one request: the neighbour page and what it adds come in one answer', async () => {
    const { fetchFn, asked } = client();
    const s = source(fetchFn);
    await s.open();
    const before = asked.length;
    const grown = await s.ensure({ kind: 'expand', id: 'paul-manafort', limit: 5 });
    expect(asked.slice(before)).toEqual(['expand']);
    expect(neighbours(grown!.model, 'paul-manafort').length).toBeGreaterThan(0);
    // Everything of a hub, two pages' worth, is one request too.
    const all = await s.ensure({ kind: 'expand', id: 'donald-trump', force: true });
    expect(asked.slice(before)).toEqual(['expand', 'expand']);
    expect(neighbours(all!.model, 'donald-trump').sort()).toEqual(neighbours(whole, 'donald-trump').sort());
  });

  it('cancels an expansion superseded by a newer one, and grows by the newer one only', async () => {
    const { fetchFn } = client();
    const signals: AbortSignal[] = [];
    let opening = true;
    const s = source(async (input, init) => {
      if (!opening && init?.signal) signals.push(init.signal);
      await new Promise((r) => setTimeout(r, 5));
      return fetchFn(input, init);
    });
    const opened = await s.open();
    opening = false;
    const first = s.ensure({ kind: 'expand', id: 'paul-manafort' })!;
    // The newer one starts while the first is in flight.
    while (signals.length === 0) await new Promise((r) => setTimeout(r, 1));
    const second = s.ensure({ kind: 'expand', id: 'wikileaks' })!;
    expect(await first).toBeNull();
    const grown = (await second)!.model;
    expect(signals.map((sig) => sig.aborted)).toEqual([true, false]);
    expect(neighbours(grown, 'wikileaks').sort()).toEqual(neighbours(whole, 'wikileaks').sort());
    const manafortOnly = neighbours(whole, 'paul-manafort').filter(
      (id) =>
        !opened.model.entities.has(id) && !neighbours(whole, 'wikileaks').includes(id) && id !== 'wikileaks',
    );
    expect(manafortOnly.length).toBeGreaterThan(0);
    expect(manafortOnly.filter((id) => grown.entities.has(id))).toEqual([]);
    // Cancelled, it was not answered: asked again, it is fetched.
    expect(
      neighbours((await s.ensure({ kind: 'expand', id: 'paul-manafort' }))!.model, 'paul-manafort').sort(),
    ).toEqual(neighbours(whole, 'paul-manafort').sort());
  });

  it('fetches each whole source text once: a later step’s answer leaves out the sources it holds whole', async () => {
    const { fetchFn } = client();
    type Sources = { sources: Array<{ id: string; text?: string | null; windows?: unknown[] }> };
    const answers: Sources[] = [];
    const s = source(async (input, init) => {
      const res = await fetchFn(input, init);
      if (String(input).endsWith('/loaded')) answers.push((await res.clone().json()) as Sources);
      if (String(input).endsWith('/expand'))
        answers.push(((await res.clone().json()) as { delta: Sources }).delta);
      return res;
    });
    const opened = await s.open();
    // The article's two sources (10 and 22 KB) are longer than a source sent whole: they come as windows.
    expect(answers[0]!.sources.length).toBeGreaterThan(0);
    expect(answers[0]!.sources.every((src) => src.text === undefined && (src.windows?.length ?? 0) > 0)).toBe(
      true,
    );
    const ids = [...opened.model.sources.keys()];
    const held = await s.wholeTexts(ids);
    for (const src of held!.model.sources.values())
      expect(src.text, src.id).toBe(whole.sources.get(src.id)!.text);
    const grown = await s.ensure({ kind: 'expand', id: 'paul-manafort' });
    expect(answers).toHaveLength(2);
    const first = new Set(answers[0]!.sources.map((src) => src.id));
    expect(answers[1]!.sources.filter((src) => first.has(src.id))).toEqual([]);
    for (const src of grown!.model.sources.values())
      if (first.has(src.id)) expect(src.text, src.id).toBe(whole.sources.get(src.id)!.text);
  });

  it('fetches only what a step adds, and grows the model into the one the sub-bundle of all it loaded gives', async () => {
    const { fetchFn } = client();
    type Delta = { relations: Array<{ id: string }> };
    const deltas: Delta[] = [];
    const s = source(async (input, init) => {
      const res = await fetchFn(input, init);
      if (String(input).endsWith('/expand'))
        deltas.push(((await res.clone().json()) as { delta: Delta }).delta);
      return res;
    });
    const opened = await s.open();
    await s.ensure({ kind: 'expand', id: 'paul-manafort' });
    const grown = (await s.ensure({ kind: 'expand', id: 'wikileaks' }))!.model;
    expect(deltas).toHaveLength(2);
    // Nothing the opening held is sent again.
    for (const r of deltas.flatMap((d) => d.relations)) expect(opened.model.relations.has(r.id)).toBe(false);
    const res = await app.request('/api/datasets/trump-putin/loaded', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityIds: [...grown.entities.keys()] }),
    });
    const all = buildModel((await res.json()) as Bundle);
    const loadedIds = new Set([...grown.relations.values()].flatMap((r) => [r.source, r.target]));
    const amongLoaded = [...all.relations.values()].filter(
      (r) => loadedIds.has(r.source) && loadedIds.has(r.target),
    );
    expect([...grown.relations.keys()].sort()).toEqual(amongLoaded.map((r) => r.id).sort());
    for (const r of grown.relations.values()) {
      expect(r).toEqual(whole.relations.get(r.id));
      expect(quotesOf(grown, r.id)).toEqual(quotesOf(whole, r.id));
    }
  });

  it('refuses a sub-bundle request it cannot read, in one line naming the field', async () => {
    const res = await app.request('/api/datasets/trump-putin/loaded', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityIds: [], sourcesHeld: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^entityIds: /);
    const delta = await app.request('/api/datasets/trump-putin/delta', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityIds: ['paul-manafort'], known: 'donald-trump' }),
    });
    expect(delta.status).toBe(400);
    expect(((await delta.json()) as { error: string }).error).toMatch(/^known: /);
    const expand = (body: unknown) =>
      app.request('/api/datasets/trump-putin/expand', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tooMany = await expand({ id: 'paul-manafort', limit: 201 });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: string }).error).toMatch(/^limit: /);
    const pages = await expand({ id: 'paul-manafort', pages: 3 });
    expect(((await pages.json()) as { error: string }).error).toMatch(/^pages: /);
    const nobody = await expand({ id: 'nobody-at-all' });
    expect(nobody.status).toBe(404);
    expect(((await nobody.json()) as { error: string }).error).toBe('No entity nobody-at-all in trump-putin');
  });

  it('adds to an expansion only what fits in the room the explorer has left, and counts the rest', async () => {
    const res = await app.request('/api/datasets/trump-putin/expand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'paul-manafort', known: ['paul-manafort'], room: 2 }),
    });
    const out = (await res.json()) as {
      entityIds: string[];
      dropped: number;
      delta: { entities: Array<{ id: string }> };
    };
    const others = neighbours(whole, 'paul-manafort');
    expect(out.entityIds.slice(1).sort()).toEqual([...others].sort());
    expect(out.dropped).toBe(others.length - 2);
    // The two taken are the first named (the most connected); the entity itself is held already.
    const taken = out.entityIds.slice(1, 3);
    expect(taken.every((id) => out.delta.entities.some((e) => e.id === id))).toBe(true);
    const none = await app.request('/api/datasets/trump-putin/expand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'paul-manafort', known: ['paul-manafort'], room: 0 }),
    });
    expect(((await none.json()) as { delta: unknown }).delta).toBeNull();
  });

  it('loads what the server’s shortest paths pass through, so the finder finds them among what is loaded', async () => {
    const { fetchFn } = client();
    const s = source(fetchFn);
    const opened = await s.open();
    const from = 'konstantin-kilimnik';
    const to = 'wikileaks';
    expect(opened.model.entities.has(from)).toBe(false);
    const grown = await s.ensure({
      kind: 'paths',
      from,
      to,
      maxLength: 4,
      maxPaths: 5,
      weakestStatus: null,
      maxHubDegree: null,
    });
    const local = findPaths(grown!.model, from, to, DEFAULT_PATH_OPTIONS);
    const everything = findPaths(whole, from, to, DEFAULT_PATH_OPTIONS);
    expect(everything.paths.length).toBeGreaterThan(0);
    expect(local.paths.map((p) => p.entityIds.length)).toEqual(
      everything.paths.map((p) => p.entityIds.length),
    );
  });

  it('takes the same expansion asked twice at once from the second asking, not the cancelled first', async () => {
    const { fetchFn } = client();
    const s = source(fetchFn);
    await s.open();
    const need = { kind: 'expand', id: 'paul-manafort' } as const;
    const [first, second] = await Promise.all([s.ensure(need), s.ensure(need)]);
    expect(first).toBeNull();
    expect(neighbours(second!.model, 'paul-manafort').sort()).toEqual(
      neighbours(whole, 'paul-manafort').sort(),
    );
  });

  it('cancels a search superseded by a newer one', async () => {
    const { fetchFn } = client();
    const signals: AbortSignal[] = [];
    const s = source(async (input, init) => {
      if (init?.signal) signals.push(init.signal);
      await new Promise((r) => setTimeout(r, 5));
      return fetchFn(input, init);
    });
    const first = s.searchEntities('putn', 5)!;
    const second = s.searchEntities('manafort', 5)!;
    expect(await first).toBeNull();
    expect(signals[0]!.aborted).toBe(true);
    expect((await second)?.[0]?.id).toBe('paul-manafort');
  });

  it('says the server is unavailable when it is gone, and asks again when the user acts again', async () => {
    const { fetchFn, state } = client();
    const s = source(fetchFn);
    await s.open();
    state.down = true;
    const need = { kind: 'expand', id: 'paul-manafort' } as const;
    await expect(s.ensure(need)).rejects.toThrow(SourceUnavailable);
    await expect(s.ensure(need)).rejects.toThrow(/server is unavailable/);
    state.down = false;
    expect(neighbours((await s.ensure(need))!.model, 'paul-manafort').length).toBeGreaterThan(0);
  });

  it('passes on the database’s 503 as the server being unavailable, with its message', async () => {
    const s = source(async () =>
      Response.json({ error: 'The database is unavailable: closed' }, { status: 503 }),
    );
    await expect(s.open()).rejects.toThrow('The server is unavailable (The database is unavailable: closed)');
  });
});

describe('GET …/opening', () => {
  it('names the most connected entities first, and refuses a size out of range in one line', async () => {
    const res = await app.request('/api/datasets/trump-putin/opening?size=3');
    const { entityIds } = (await res.json()) as { entityIds: string[] };
    const degrees = entityIds.map((id) => neighbours(whole, id).length);
    expect(entityIds).toHaveLength(3);
    expect(entityIds[0]).toBe('donald-trump');
    expect(degrees[0]).toBeGreaterThanOrEqual(degrees[2]!);
    const bad = await app.request('/api/datasets/trump-putin/opening?size=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^size: /);
    expect((await app.request('/api/datasets/nope/opening')).status).toBe(404);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/datasets/{dataset}/opening');
    expect(Object.keys(doc.paths)).toContain('/api/datasets/{dataset}/delta');
    expect(Object.keys(doc.paths)).toContain('/api/datasets/{dataset}/expand');
  });
});
