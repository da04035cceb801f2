/**
 * The trigram index over every name served only versions imported before the typeahead's word tables, yet
 * every import built it. Imports no longer do; a database that has it keeps one for each such older version,
 * whose typo pass still reads it, and loses it for the rest on the server's next start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { forgetWordTables, searchEntities } from '../../src/server/queries';
import { ensureSchema, partitionOf } from '../../src/server/schema';
import { nameTypo } from './name-typo';
import { testDatabase, type TestDatabase } from './server-db';
import { generatedBundle } from './generated-bundle';

const bundle = generatedBundle({ entities: 300, relations: 1200, seed: 5 });

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await testDatabase('name_trigrams');
  db = await database.open();
});
afterAll(async () => {
  await db.close();
  await database.dispose();
});

/** The trigram indexes over names that a version's entities partition has. */
const nameTrigrams = async (version: number) =>
  (
    await db.query<{ def: string }>(
      `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = $1::regclass`,
      [partitionOf('tl_entities', version)],
    )
  ).filter((i) => i.def.includes('gin_trgm_ops'));

/** A typo of a long word of some name: what only the typo pass finds. */
const { target, typo } = nameTypo(bundle.entities);

describe('the trigram index over names', () => {
  it('is not built by an import', async () => {
    const { version } = await importBundle(db, bundle);
    expect(await nameTrigrams(version)).toEqual([]);
    expect((await searchEntities(db, version, typo, 50)).map((h) => h.id)).toContain(target.id);
  });

  it('is kept by a database that has it only for the versions imported before the word tables', async () => {
    const older = (await importBundle(db, bundle)).version;
    const newer = (await importBundle(db, bundle)).version;
    // As such a database was: the index on the parent, so on every partition, and the older version
    // without word tables.
    await db.query('CREATE INDEX tl_entities_search ON tl_entities USING gin (search gin_trgm_ops)');
    for (const table of ['tl_words', 'tl_name_words'] as const)
      await db.query(`DROP TABLE ${partitionOf(table, older)}`);
    forgetWordTables(db, older);
    expect(await nameTrigrams(newer)).toHaveLength(1);

    await ensureSchema(db);
    const [parent] = await db.query<{ present: boolean }>(
      "SELECT to_regclass('tl_entities_search') IS NOT NULL AS present",
    );
    expect(parent!.present).toBe(false);
    expect(await nameTrigrams(newer)).toEqual([]);
    expect(await nameTrigrams(older)).toHaveLength(1);
    for (const version of [older, newer])
      expect((await searchEntities(db, version, typo, 50)).map((h) => h.id)).toContain(target.id);
    // Run again, it finds nothing left to do.
    await ensureSchema(db);
    expect(await nameTrigrams(older)).toHaveLength(1);
  });
});
