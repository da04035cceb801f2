/** The API over the bundled article: answers agree with the in-browser model, limits hold, input is never SQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { relationsBetween, relationTypeCounts } from '../../src/model/core/queries';
import { findPaths, DEFAULT_PATH_OPTIONS } from '../../src/model/analysis/paths';
import { STATUSES } from '../../src/model/core/vocabulary';
import type { Model } from '../../src/model/core/model';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { hasErrors } from '../../src/model/format/problems';
import type { Db } from '../../src/server/db';
import { createApp } from '../../src/server/app';
import { importBundle } from '../../src/server/import';
import type { Hono } from 'hono';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;
let model: Model;
const DS = '/api/datasets/trump-putin';

beforeAll(async () => {
  database = await testDatabase('api');
  db = await database.open();
  const bundle = articleBundle();
  model = buildModel(bundle);
  await importBundle(db, bundle);
  app = createApp({ db });
});
afterAll(async () => {
  await db.close().catch(() => {});
  await database.dispose();
});

async function get<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

interface Entity {
  id: string;
  name: string;
}
interface Relation {
  id: string;
  source: string;
  target: string;
  type: string;
  status: string;
  evidence: string[];
}

describe('reading a dataset', () => {
  it('lists the dataset with its counts', async () => {
    const { datasets } = await get<{ datasets: Array<{ id: string; counts: Record<string, number> }> }>(
      '/api/datasets',
    );
    expect(datasets.map((d) => d.id)).toEqual(['trump-putin']);
    expect(datasets[0]!.counts).toMatchObject({
      entities: model.data.entities.length,
      relations: model.data.relations.id.length,
    });
  });

  it('finds entities by prefix, alias and with a typo', async () => {
    const typo = await get<{ entities: Entity[] }>(`${DS}/search/entities?q=vladimr%20putn`);
    expect(typo.entities[0]?.id).toBe('vladimir-putin');
    const prefix = await get<{ entities: Entity[] }>(`${DS}/search/entities?q=eric`);
    expect(prefix.entities[0]?.id).toBe('eric-trump');
    const alias = await get<{ entities: Entity[] }>(`${DS}/search/entities?q=the%20kremlin%20leader`);
    expect(alias.entities[0]?.id).toBe('vladimir-putin');
  });

  it('pads a page with typos only a letter or two off, as the in-browser search does', async () => {
    const golf = await get<{ entities: Entity[] }>(`${DS}/search/entities?q=golf`);
    expect(golf.entities[0]?.id).toBe('golf-course-funding-from-russia');
    // Trigrams liken "government" to "golf" (their first letters); the in-browser search never offers it.
    expect(golf.entities.map((e) => e.name).join(' | ')).not.toMatch(/government/i);
    const one = await get<{ entities: Entity[] }>(`${DS}/search/entities?q=putn`);
    expect(one.entities[0]?.id).toBe('vladimir-putin');
  });

  it('finds quotes by their words, stemmed', async () => {
    const { quotes } = await get<{ quotes: Array<{ id: string; exact: string; relations: string[] }> }>(
      `${DS}/search/quotes?q=interfered`,
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.exact.toLowerCase()).toMatch(/interfer/);
    expect(quotes[0]!.relations.length).toBeGreaterThan(0);
  });

  it('pages an entity’s relations per type with the counts the model gives, each relation once', async () => {
    const counts = relationTypeCounts(model, 'donald-trump');
    const first = await get<{ counts: Array<{ type: string; n: number }> }>(
      `${DS}/entities/donald-trump/neighbours?limit=1`,
    );
    expect(new Map(first.counts.map((c) => [c.type, c.n]))).toEqual(
      new Map(counts.map((c) => [c.type, c.count])),
    );
    const biggest = counts.sort((a, b) => b.count - a.count)[0]!;
    const seen: string[] = [];
    let after = -1;
    for (;;) {
      const page = await get<{
        relations: Relation[];
        entities: Entity[];
        next: number | null;
        total: number;
      }>(`${DS}/entities/donald-trump/neighbours?type=${biggest.type}&limit=3&after=${after}`);
      expect(page.total).toBe(biggest.count);
      expect(page.relations.length).toBeLessThanOrEqual(3);
      for (const r of page.relations) {
        expect(r.type).toBe(biggest.type);
        const other = r.source === 'donald-trump' ? r.target : r.source;
        expect(page.entities.map((e) => e.id)).toContain(other);
      }
      seen.push(...page.relations.map((r) => r.id));
      if (page.next === null) break;
      after = page.next;
    }
    const expected = model.data.relations.id.filter((id) => {
      const r = model.relations.get(id)!;
      return r.type === biggest.type && (r.source === 'donald-trump' || r.target === 'donald-trump');
    });
    expect(seen).toEqual(expected);
  });

  it('gives the relations between two entities as the model does', async () => {
    const { relations } = await get<{ relations: Relation[] }>(
      `${DS}/between?a=vladimir-putin&b=donald-trump`,
    );
    expect(new Set(relations.map((r) => r.id))).toEqual(
      new Set(relationsBetween(model, 'donald-trump', 'vladimir-putin').map((r) => r.id)),
    );
  });

  it('gives a relation with quotes that sit verbatim in the source at their offsets', async () => {
    const id = model.data.relations.id.find((r) => model.relations.get(r)!.evidence.length > 1)!;
    const { relation, evidence } = await get<{
      relation: Relation;
      evidence: Array<{
        quote: {
          id: string;
          exact: string;
          start: number;
          end: number;
          sourceId: string;
          speakers: Entity[];
        };
        status: string;
      }>;
    }>(`${DS}/relations/${id}`);
    expect(relation.evidence).toEqual(model.relations.get(id)!.evidence);
    expect(evidence.map((e) => e.quote.id)).toEqual(relation.evidence);
    for (const { quote, status } of evidence) {
      expect(status).toBe(relation.status);
      const range = await get<{ text: string }>(
        `${DS}/sources/${quote.sourceId}/text?start=${quote.start}&end=${quote.end}`,
      );
      expect(range.text).toBe(quote.exact);
      const speaker = model.quotes.get(quote.id)!.speaker;
      expect(quote.speakers.map((s) => s.id)).toEqual(speaker ? [speaker] : []);
    }
  });

  it('finds the shortest connections the model finds, within a status floor and around hubs', async () => {
    const local = findPaths(model, 'eric-trump', 'ukraine', DEFAULT_PATH_OPTIONS);
    const served = await get<{
      paths: Array<{ entityIds: string[]; steps: Array<{ relationIds: string[] }> }>;
    }>(`${DS}/paths?from=eric-trump&to=ukraine`);
    expect(served.paths.length).toBeGreaterThan(0);
    expect(served.paths[0]!.entityIds.length).toBe(local.paths[0]!.entityIds.length);
    for (const p of served.paths) for (const s of p.steps) expect(s.relationIds.length).toBeGreaterThan(0);

    const facts = await get<{ paths: Array<{ steps: Array<{ relationIds: string[] }> }> }>(
      `${DS}/paths?from=eric-trump&to=ukraine&minStatus=fact`,
    );
    for (const p of facts.paths)
      for (const s of p.steps)
        for (const r of s.relationIds) expect(model.relations.get(r)!.status).toBe('fact');

    const hub = await get<{ paths: Array<{ entityIds: string[] }> }>(
      `${DS}/paths?from=eric-trump&to=ukraine&maxHubDegree=20&maxLength=6`,
    );
    const localHub = findPaths(model, 'eric-trump', 'ukraine', {
      ...DEFAULT_PATH_OPTIONS,
      maxHubDegree: 20,
      maxLength: 6,
    });
    expect(hub.paths[0]?.entityIds.length).toBe(localHub.paths[0]?.entityIds.length);
    for (const p of hub.paths) expect(p.entityIds.slice(1, -1)).not.toContain('donald-trump');
  });

  it('says why there is no path', async () => {
    expect(await get(`${DS}/paths?from=eric-trump&to=eric-trump`)).toMatchObject({
      paths: [],
      reason: 'same-entity',
    });
    expect(await get(`${DS}/paths?from=eric-trump&to=nobody`)).toMatchObject({
      paths: [],
      reason: 'unknown-entity',
    });
    expect(await get(`${DS}/paths?from=eric-trump&to=ukraine&maxLength=1`)).toMatchObject({
      paths: [],
      reason: 'too-far',
    });
  });

  it('exports a sub-bundle of given entities that validates', async () => {
    const res = await app.request(`${DS}/subgraph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityIds: ['donald-trump', 'vladimir-putin', 'russia'] }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const { problems, bundle } = validateBundleText(text, 'sub-bundle');
    expect(hasErrors(problems)).toBe(false);
    const expected = model.data.relations.id.filter((id) => {
      const r = model.relations.get(id)!;
      const keep = ['donald-trump', 'vladimir-putin', 'russia'];
      return keep.includes(r.source) && keep.includes(r.target);
    });
    expect(bundle!.relations.map((r) => r.id)).toEqual(expected);
  });

  it('counts facets, speakers and the timeline from the data', async () => {
    const facets = await get<{ statuses: Record<string, number> }>(`${DS}/facets`);
    for (const s of STATUSES) {
      const n = model.data.relations.id.filter((id) => model.relations.get(id)!.status === s).length;
      expect(facets.statuses[s] ?? 0).toBe(n);
    }
    const { speakers } = await get<{ speakers: Array<{ id: string; quotes: number }> }>(`${DS}/speakers`);
    const trump = model.data.quoteIds.filter((q) => model.quotes.get(q)!.speaker === 'donald-trump').length;
    expect(speakers.find((s) => s.id === 'donald-trump')?.quotes).toBe(trump);
    const timeline = await get<{ count: number; perYear: Array<{ n: number }> }>(`${DS}/timeline`);
    expect(timeline.perYear.reduce((n, y) => n + y.n, 0)).toBe(timeline.count);
    expect(timeline.count).toBeGreaterThan(0);
  });

  it('publishes the OpenAPI document listing every endpoint', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/datasets',
      '/api/datasets/{dataset}/paths',
      '/api/datasets/{dataset}/relations/{id}',
      '/api/datasets/{dataset}/subgraph',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('hostile and bad input', () => {
  const HOSTILE = [
    "'; DROP TABLE tl_entities; --",
    "%' OR '1'='1",
    '%',
    '_',
    '\\',
    '" OR 1=1 --',
    '$1',
    '\u0000',
    ')))(((',
    '!!:*&|<->',
  ];

  it('treats search text as text, never as SQL or a pattern', async () => {
    for (const q of HOSTILE) {
      const res = await app.request(`${DS}/search/entities?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(res.status);
      const body = (await res.json()) as { entities?: Entity[]; error?: string };
      // The words of a hostile string may match as words ("OR" is in a name); its quotes, wildcards and
      // operators never do: the answer is the one for its words alone, and nothing without words.
      const words = q.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const plain = words
        ? await get<{ entities: Entity[] }>(`${DS}/search/entities?q=${encodeURIComponent(words)}`)
        : { entities: [] };
      if (res.status === 200) expect(body.entities).toEqual(plain.entities);
      const quotes = await app.request(`${DS}/search/quotes?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(quotes.status);
    }
    const { datasets } = await get<{ datasets: Array<{ counts: { entities: number } }> }>('/api/datasets');
    expect(datasets[0]!.counts.entities).toBe(model.data.entities.length);
    expect(
      (await get<{ entities: Entity[] }>(`${DS}/search/entities?q=putin`)).entities.length,
    ).toBeGreaterThan(0);
  });

  it('answers hostile ids with a 404 naming them', async () => {
    for (const id of ["' OR 1=1 --", '../../etc/passwd', 'donald-trump; DELETE FROM tl_relations']) {
      const body = await get<{ error: string }>(`${DS}/entities/${encodeURIComponent(id)}`, 404);
      expect(body.error).toContain(id);
    }
    await get(`/api/datasets/${encodeURIComponent("x' OR '1'='1")}/facets`, 404);
    expect(
      (await get<{ relations: Relation[] }>(`${DS}/between?a=donald-trump&b=vladimir-putin`)).relations
        .length,
    ).toBeGreaterThan(0);
  });

  it('refuses pages, ranges and id lists over the caps with a message naming the parameter', async () => {
    expect(
      (await get<{ error: string }>(`${DS}/entities/donald-trump/neighbours?limit=100000`, 400)).error,
    ).toMatch(/^limit: /);
    expect((await get<{ error: string }>(`${DS}/search/entities?q=a&limit=51`, 400)).error).toMatch(
      /^limit: /,
    );
    expect(
      (await get<{ error: string }>(`${DS}/sources/trump-putin-worldcrunch/text?start=0&end=200001`, 400))
        .error,
    ).toMatch(/^end: /);
    expect((await get<{ error: string }>(`${DS}/paths?from=a&to=b&maxLength=40`, 400)).error).toMatch(
      /^maxLength: /,
    );
    expect((await get<{ error: string }>(`${DS}/search/entities?q=${'a'.repeat(201)}`, 400)).error).toMatch(
      /^q: /,
    );
    const many = await app.request(`${DS}/among`, {
      method: 'POST',
      body: JSON.stringify({ entityIds: Array.from({ length: 2001 }, (_, i) => `e${i}`) }),
    });
    expect(many.status).toBe(400);
    const huge = await app.request(`${DS}/among`, {
      method: 'POST',
      body: 'x'.repeat(300 * 1024),
      headers: { 'content-length': String(300 * 1024) },
    });
    expect(huge.status).toBe(413);
    const notJson = await app.request(`${DS}/among`, { method: 'POST', body: '{nope' });
    expect(((await notJson.json()) as { error: string }).error).toBe('body: expected JSON');
  });

  it('names an unknown endpoint and an unknown version', async () => {
    expect((await get<{ error: string }>('/api/nothing-here', 404)).error).toContain('/api/nothing-here');
    expect((await get<{ error: string }>(`${DS}/facets?version=99999`, 404)).error).toContain(
      'no version 99999',
    );
  });

  it('keeps CORS closed unless an origin is configured', async () => {
    const cross = await app.request(`${DS}/facets`, { headers: { Origin: 'https://elsewhere.example' } });
    expect(cross.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request(`${DS}/among`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const open = createApp({ db, corsOrigin: 'https://newsroom.example' });
    const allowed = await open.request(`${DS}/facets`, { headers: { Origin: 'https://newsroom.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
  });
});

describe('the database going away', () => {
  it('answers 503 with a message, and the server keeps running', async () => {
    await get(`${DS}/facets`);
    await db.close();
    const res = await app.request(`${DS}/search/entities?q=putin`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/^The database is unavailable/);
    // The explorer's own requests too: an expansion, and the text around quotes.
    for (const [path, body] of [
      ['expand', { id: 'vladimir-putin' }],
      ['contexts', { quotes: ['q1'] }],
    ] as const) {
      const posted = await app.request(`${DS}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(posted.status, path).toBe(503);
      expect(((await posted.json()) as { error: string }).error, path).toMatch(
        /^The database is unavailable/,
      );
    }
    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
  });
});
