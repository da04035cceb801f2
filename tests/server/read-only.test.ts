/** A read replica: the server starts and answers on a database that refuses every write. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { ensureSchema } from '../../src/server/schema';
import { articleBundle } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;

beforeAll(async () => {
  database = await testDatabase('read-only', { folder: true });
  const primary = await database.open();
  await importBundle(primary, articleBundle());
  await primary.close();
});
afterAll(async () => {
  await database.dispose();
});

describe('a read-only database (a replica)', () => {
  let replica: Db;
  beforeAll(async () => {
    replica = await database.openReadOnly();
  });
  afterAll(async () => {
    await replica.close();
  });

  it('starts: the schema is found there, not created', async () => {
    await expect(ensureSchema(replica)).resolves.toBeUndefined();
  });

  it('answers the explorer’s reads', async () => {
    const app = createApp({ db: replica });
    const list = (await (await app.request('/api/datasets')).json()) as { datasets: Array<{ id: string }> };
    expect(list.datasets.map((d) => d.id)).toContain('trump-putin');
    const res = await app.request('/api/datasets/trump-putin/search/entities?q=eric');
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('eric-trump');
  });
});

describe('a read-only database with no Threadline tables', () => {
  it('is refused at start with a sentence saying to import on the primary', async () => {
    const empty = await testDatabase('read-only-empty');
    const db = await empty.openReadOnly();
    try {
      await expect(ensureSchema(db)).rejects.toThrow(/read-only .*import a dataset on the primary first/);
    } finally {
      await db.close();
      await empty.dispose();
    }
  });
});
