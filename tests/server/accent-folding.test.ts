/**
 * A server dataset's quotes and names are searched with accents folded, as a local dataset's are
 * (search-text.ts): "numeros" finds "Números" and "adelaide" finds "Adélaïde", on PGlite and on PostgreSQL.
 * A database made before the folding has its quotes' full-text index rebuilt and its names folded once when
 * the server starts; a replica of one is refused with a sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { foldNames } from '../../src/server/fold-names';
import { ensureSchema } from '../../src/server/schema';
import { fixtureFiles, validateFiles } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

/** valid-minimal with its one quote in Spanish (the same quote, verbatim in the changed letter) and Ada as Adélaïde. */
function accentedBundle() {
  const files = fixtureFiles('valid-minimal');
  for (const file of ['sources/letter.txt', 'quotes.json'])
    files.set(file, files.get(file)!.replace('Enchantress of Numbers', 'Encantadora de los Números'));
  files.set('entities.json', files.get('entities.json')!.replace('"Ada Lovelace"', '"Adélaïde Lovelace"'));
  const { bundle, problems } = validateFiles('valid-minimal', files);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return bundle!;
}

const DS = '/api/datasets/valid-minimal';

async function found(db: Db, kind: 'passages' | 'quotes' | 'entities', q: string): Promise<string[]> {
  const res = await createApp({ db }).request(`${DS}/search/${kind}?q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  if (kind === 'entities')
    return ((await res.json()) as { entities: Array<{ id: string }> }).entities.map((e) => e.id);
  const body = (await res.json()) as {
    passages?: Array<{ quote: string }>;
    quotes?: Array<{ id: string }>;
  };
  return kind === 'passages' ? body.passages!.map((p) => p.quote) : body.quotes!.map((h) => h.id);
}

/** Replaces the quotes' full-text index with the one databases had before accents were folded. */
async function unfold(db: Db): Promise<void> {
  await db.query('DROP INDEX tl_quotes_words');
  await db.query(`CREATE INDEX tl_quotes_words ON tl_quotes USING gin (to_tsvector('english', exact))`);
  expect(await expressionStats(db)).toBe(0);
}

/** Rows of statistics on the full-text index's expression: what the planner weighs a match by. */
async function expressionStats(db: Db): Promise<number> {
  const [stats] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stats WHERE attname = 'to_tsvector' AND schemaname = current_schema()`,
  );
  return stats!.n;
}

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await testDatabase('accent-folding', { folder: true });
  db = await database.open();
  await importBundle(db, accentedBundle());
});
afterAll(async () => {
  await db.close().catch(() => {});
  await database.dispose();
});

describe('searching a server dataset’s quotes', () => {
  it('finds a word with accents typed without them, with them, or by its start', async () => {
    for (const q of ['numeros', 'Números', 'NUMEROS', 'númer', 'numer', 'encantadora numeros'])
      expect(await found(db, 'passages', q), q).toEqual(['enchantress']);
    expect(await found(db, 'quotes', 'numeros')).toEqual(['enchantress']);
    expect(await found(db, 'passages', 'numerals')).toEqual([]);
  });

  it('marks the word as the source spells it', async () => {
    const res = await createApp({ db }).request(`${DS}/search/passages?q=numeros`);
    const [hit] = (
      (await res.json()) as {
        passages: Array<{ snippet: string; marks: Array<{ start: number; end: number }> }>;
      }
    ).passages;
    expect(hit!.marks.map((m) => hit!.snippet.slice(m.start, m.end))).toEqual(['Números']);
  });
});

describe('the typeahead on a server dataset', () => {
  it('finds a name with accents typed without them, with them, by its start, or one letter off', async () => {
    for (const q of ['adelaide', 'Adélaïde', 'ADELAIDE', 'adél', 'adel', 'adelaide lov', 'adelaida'])
      expect(await found(db, 'entities', q), q).toEqual(['ada-lovelace']);
  });
});

/** Puts Adélaïde's name back as versions imported before the folding hold it: lower-cased, accents kept. */
async function unfoldNames(db: Db): Promise<void> {
  await db.query(`UPDATE tl_entities SET search = lower(name) WHERE id = 'ada-lovelace'`);
  await db.query(`UPDATE tl_name_words SET word = 'adélaïde' WHERE word = 'adelaide'`);
  await db.query(`UPDATE tl_words SET word = 'adélaïde' WHERE word = 'adelaide'`);
  await db.query(`UPDATE tl_versions SET names_folded = NULL`);
}

describe('a database made before accents were folded', () => {
  it('has its names folded once at start, saying so, and then finds them', async () => {
    await unfoldNames(db);
    expect(await found(db, 'entities', 'adelaide')).toEqual([]);
    const said: string[] = [];
    expect(await foldNames(db, (line) => said.push(line))).toBe(1);
    expect(said).toEqual(['Folding accents in the names the typeahead matches (once)…']);
    for (const q of ['adelaide', 'Adélaïde', 'adelaida'])
      expect(await found(db, 'entities', q), q).toEqual(['ada-lovelace']);
    expect(await foldNames(db, (line) => said.push(line))).toBe(0);
    expect(said).toHaveLength(1);
  });

  it('has its quotes’ index rebuilt once at start, saying so, and then finds them by it', async () => {
    await unfold(db);
    const said: string[] = [];
    await ensureSchema(db, (line) => said.push(line));
    expect(said).toEqual(['Folding accents into the quotes’ full-text index (once)…']);
    const [index] = await db.query<{ def: string }>(
      `SELECT pg_get_indexdef('tl_quotes_words'::regclass) AS def`,
    );
    expect(index!.def).toContain('tl_english');
    // Analysed, as an import leaves it: the planner weighs a full-text match by these.
    expect(await expressionStats(db)).toBeGreaterThan(0);
    expect(await found(db, 'passages', 'numeros')).toEqual(['enchantress']);
    // Once: the next start has nothing to fold.
    await ensureSchema(db, (line) => said.push(line));
    expect(said).toHaveLength(1);
  });

  it('is refused as a replica while its index or its names are unfolded, and served once the primary folded them', async () => {
    const replicaStarts = async () => {
      await db.close();
      const replica = await database.openReadOnly();
      try {
        await ensureSchema(replica);
      } finally {
        await replica.close();
        db = await database.open();
      }
    };
    for (const undo of [unfold, unfoldNames]) {
      await undo(db);
      await expect(replicaStarts(), undo.name).rejects.toThrow(
        /read-only .*does not fold accents yet: start `npm run serve` once on the primary/,
      );
      // The primary's start, as `npm run serve` makes it.
      await ensureSchema(db);
      await foldNames(db);
      await expect(replicaStarts(), undo.name).resolves.toBeUndefined();
    }
    expect(await found(db, 'entities', 'Adélaïde')).toEqual(['ada-lovelace']);
    expect(await found(db, 'passages', 'numeros')).toEqual(['enchantress']);
  });
});
