/** Issue #18's evidence model through the server: claims with their own status and asserters, answers, joint speakers, declared types, written dates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/model/format/problems';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import type { Bundle } from '../../src/model/format/bundle';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import type { Hono } from 'hono';
import { fixtureBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
let app: Hono;
let bundle: Bundle;
const DS = () => `/api/datasets/${bundle.dataset.id}`;

beforeAll(async () => {
  database = await testDatabase('evidence');
  db = await database.open();
  bundle = fixtureBundle('two-sources');
  await importBundle(db, bundle);
  app = createApp({ db });
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

const get = async <T>(path: string): Promise<T> => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

interface Claim {
  quote: string;
  status: string;
  assertedBy?: string[];
  answers?: string;
}

describe('the evidence model on the server', () => {
  it('gives each claim its own status, asserters and what it answers, as the bundle has them', async () => {
    for (const r of bundle.relations) {
      const { relation, evidence } = await get<{
        relation: { claims?: Claim[]; answers?: string; dateWritten?: unknown };
        evidence: Array<{ quote: { id: string }; status: string; assertedBy?: string[]; answers?: string }>;
      }>(`${DS()}/relations/${r.id}`);
      expect(relation.claims).toEqual(r.claims);
      expect(relation.answers).toEqual(r.answers);
      expect(relation.dateWritten).toEqual(r.dateWritten);
      const claims: Claim[] = r.claims ?? r.evidence.map((quote) => ({ quote, status: r.status }));
      expect(
        evidence.map((e) => ({
          quote: e.quote.id,
          status: e.status,
          assertedBy: e.assertedBy,
          answers: e.answers,
        })),
      ).toEqual(
        claims.map((c) => ({
          quote: c.quote,
          status: c.status,
          assertedBy: c.assertedBy,
          answers: c.answers,
        })),
      );
    }
  });

  it('names every joint speaker of a quote, and counts the quote for each', async () => {
    const joint = bundle.quotes.find((q) => (q.speakers?.length ?? 0) > 1)!;
    const relation = bundle.relations.find((r) => r.evidence.includes(joint.id))!;
    const { evidence } = await get<{
      evidence: Array<{ quote: { id: string; speakers: Array<{ id: string }> } }>;
    }>(`${DS()}/relations/${relation.id}`);
    expect(evidence.find((e) => e.quote.id === joint.id)!.quote.speakers.map((s) => s.id)).toEqual(
      joint.speakers,
    );
    const { speakers } = await get<{ speakers: Array<{ id: string }> }>(`${DS()}/speakers`);
    for (const s of joint.speakers!) expect(speakers.map((x) => x.id)).toContain(s);
  });

  it('lists the declared entity types, and exports a sub-bundle that validates with its claims and answers', async () => {
    const details = await get<{ entityTypes: unknown[] }>(DS());
    expect(details.entityTypes).toEqual(bundle.entityTypes);
    const ids = [...new Set(bundle.relations.flatMap((r) => [r.source, r.target]))];
    const res = await app.request(`${DS()}/subgraph`, {
      method: 'POST',
      body: JSON.stringify({ entityIds: ids }),
    });
    const { problems, bundle: exported } = validateBundleText(await res.text(), 'sub-bundle');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(hasErrors(problems)).toBe(false);
    expect(exported!.relations.map((r) => [r.id, r.claims, r.answers])).toEqual(
      bundle.relations.map((r) => [r.id, r.claims, r.answers]),
    );
    // One speaker is written as speaker, several as speakers too: compared as the list of who speaks.
    const who = (q: Bundle['quotes'][number]) =>
      q.speakers?.length ? q.speakers : q.speaker ? [q.speaker] : [];
    const original = new Map(bundle.quotes.map((q) => [q.id, who(q)]));
    for (const q of exported!.quotes) expect(who(q)).toEqual(original.get(q.id));
    expect(exported!.quotes.some((q) => (q.speakers?.length ?? 0) > 1)).toBe(true);
  });

  it('drops an answer that points outside the export, so the sub-bundle still validates', async () => {
    const denial = bundle.relations.find((r) => r.answers)!;
    const res = await app.request(`${DS()}/subgraph`, {
      method: 'POST',
      body: JSON.stringify({ entityIds: [denial.source, denial.target] }),
    });
    const { problems, bundle: exported } = validateBundleText(await res.text(), 'sub-bundle');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const answered = exported!.relations.find((r) => r.id === denial.answers);
    expect(exported!.relations.find((r) => r.id === denial.id)!.answers).toBe(
      answered ? denial.answers : undefined,
    );
  });
});
