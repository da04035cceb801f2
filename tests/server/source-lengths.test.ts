/**
 * A source's length travels with answers that send its record without its text, so it must be the one the
 * quotes' offsets use (UTF-16 units), counted at import; a database imported before lengths were counted
 * gets them once from `npm run serve`, the same as an import would have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { fillSourceLengths, sourceLengthsMissing } from '../../src/server/source-lengths';
import { createApp } from '../../src/server/app';
import { articleBundle, fixtureFiles, validateFiles } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

let database: TestDatabase;
let db: Db;
const files = fixtureFiles('valid-minimal');
// Two characters beyond the Basic Multilingual Plane: four UTF-16 units where PostgreSQL counts two.
files.set('sources/letter.txt', `🙂🙂 ${files.get('sources/letter.txt')}`);
const astral = validateFiles('valid-minimal', files).bundle!;
const article = articleBundle();
const expected = new Map([...astral.sources, ...article.sources].map((s) => [s.id, s.text.length]));

const counted = () =>
  db.query<{ id: string; chars: number | null }>(`SELECT id, chars FROM tl_sources ORDER BY id`);
const lengthsSent = async (dataset: string) => {
  const res = await createApp({ db }).request(`/api/datasets/${dataset}`);
  const body = (await res.json()) as { sources: Array<{ id: string; characters: number }> };
  return new Map(body.sources.map((s) => [s.id, s.characters]));
};

beforeAll(async () => {
  database = await testDatabase('source_lengths');
  db = await database.open();
  await importBundle(db, astral);
  await importBundle(db, article);
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

describe('source lengths', () => {
  it('are counted at import in the quotes’ units, astral characters twice', async () => {
    const rows = await counted();
    expect(rows.length).toBe(expected.size);
    for (const r of rows) expect(r.chars, r.id).toBe(expected.get(r.id));
    expect(await sourceLengthsMissing(db)).toBe(false);
    expect((await lengthsSent('valid-minimal')).get('letter')).toBe(expected.get('letter'));
  });

  it('are filled once on a database imported before they were counted', async () => {
    await db.query(`UPDATE tl_sources SET chars = NULL`);
    expect(await sourceLengthsMissing(db)).toBe(true);
    expect(await fillSourceLengths(db)).toBe(expected.size);
    for (const r of await counted()) expect(r.chars, r.id).toBe(expected.get(r.id));
    expect(await sourceLengthsMissing(db)).toBe(false);
    expect(await fillSourceLengths(db)).toBe(0);
  });
});
