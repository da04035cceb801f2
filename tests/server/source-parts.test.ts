/**
 * Source texts are stored once, in parts cut at import, and read back from them: the reader's pages, the
 * explorer's windows and the exports' whole texts must be the source's text exactly, at the quotes' offsets
 * (UTF-16 units) even where characters beyond the Basic Multilingual Plane make PostgreSQL count otherwise.
 * A database imported before the parts has its texts moved into them once, by the server's start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/model/format/bundle';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { ensureSchema } from '../../src/server/schema';
import { TEXT_PART_CHARS, textParts, wholeTextSql } from '../../src/server/source-parts';
import { articleBundle, fixtureFiles, validateFiles } from '../unit/fixtures';
import { testDatabase, type TestDatabase } from './server-db';

/**
 * The minimal dataset with its letter made several parts long, a character beyond the BMP straddling the
 * first cut, and more of them before its quote, so the quote's offset differs from PostgreSQL's count.
 */
function astralBundle(): Bundle {
  const files = fixtureFiles('valid-minimal');
  const letter = files.get('sources/letter.txt')!;
  const lead = `${'a'.repeat(TEXT_PART_CHARS - 1)}🙂${'b '.repeat(TEXT_PART_CHARS)}🙂🙂\n`;
  files.set('sources/letter.txt', lead + letter + `\n${'c'.repeat(3 * TEXT_PART_CHARS)}`);
  const result = validateFiles('valid-minimal', files);
  if (!result.bundle) throw new Error(JSON.stringify(result.problems));
  return result.bundle;
}

describe('textParts', () => {
  it('cuts a text into parts that join to it, never between the halves of a surrogate pair', () => {
    const text = astralBundle().sources[0]!.text;
    const parts = textParts(text);
    expect(parts.map(([, t]) => t).join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(3);
    let at = 0;
    for (const [start, t] of parts) {
      expect(start).toBe(at);
      expect(t.length).toBeLessThanOrEqual(TEXT_PART_CHARS + 1);
      expect(t.charCodeAt(0) >= 0xdc00 && t.charCodeAt(0) <= 0xdfff, `part at ${start}`).toBe(false);
      at += t.length;
    }
    // The emoji at the first cut went whole into the first part.
    expect(parts[0]![1].length).toBe(TEXT_PART_CHARS + 1);
    expect(textParts('')).toEqual([]);
  });
});

describe('texts stored in parts', () => {
  let database: TestDatabase;
  let db: Db;
  const astral = astralBundle();
  const article = articleBundle();
  const letter = astral.sources[0]!.text;

  beforeAll(async () => {
    database = await testDatabase('source_parts', { folder: true });
    db = await database.open();
    await importBundle(db, astral);
    await importBundle(db, article);
  });
  afterAll(async () => {
    await db.close();
    await database.dispose();
  });

  const api = async <T>(path: string, body?: object): Promise<T> => {
    const res = await createApp({ db }).request(
      `/api/datasets/${path}`,
      body
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {},
    );
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const range = (start: number, end: number) =>
    api<{ text: string; length: number; start: number; end: number }>(
      `valid-minimal/sources/${astral.sources[0]!.id}/text?start=${start}&end=${end}`,
    );

  /** What a user of the API sees of the letter: its length, pages across cuts, windows, the whole text. */
  async function expectTextsServed() {
    const details = await api<{ sources: Array<{ id: string; characters: number }> }>('valid-minimal');
    expect(details.sources[0]!.characters).toBe(letter.length);
    for (const [start, end] of [
      [0, TEXT_PART_CHARS + 5],
      [TEXT_PART_CHARS - 3, 3 * TEXT_PART_CHARS + 7],
      [letter.length - 10, letter.length + 50],
    ] as const) {
      const page = await range(start, end);
      expect(page.text, `${start}–${end}`).toBe(letter.slice(start, end));
      expect(page.length).toBe(letter.length);
    }
    for (const q of astral.quotes) expect((await range(q.start, q.end)).text).toBe(q.exact);
    const loaded = await api<{
      sources: Array<{ id: string; length?: number; windows?: Array<{ start: number; text: string }> }>;
    }>('valid-minimal/loaded', { entityIds: astral.entities.map((e) => e.id) });
    const windows = loaded.sources[0]!.windows!;
    expect(loaded.sources[0]!.length).toBe(letter.length);
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(w.text).toBe(letter.slice(w.start, w.start + w.text.length));
    const [whole] = await db.query<{ text: string }>(
      `SELECT ${wholeTextSql('s.version', 's.row')} AS text FROM tl_sources s
       JOIN tl_datasets d ON d.current_version = s.version WHERE d.id = 'valid-minimal'`,
    );
    expect(whole!.text).toBe(letter);
  }

  it('serves every stretch of a text exactly, at the quotes’ offsets', async () => {
    await expectTextsServed();
  });

  it('moves the texts of a database imported before the parts into them, once, at the start', async () => {
    // The layout of such a database: each text whole in tl_sources, no parts, no counted length.
    await db.query(`ALTER TABLE tl_sources ADD COLUMN text text, ADD COLUMN astral boolean`);
    await db.query(`UPDATE tl_sources s SET text = ${wholeTextSql('s.version', 's.row')}, chars = NULL`);
    await db.query(`DELETE FROM tl_source_parts`);
    const replica = await database.openReadOnly();
    await expect(ensureSchema(replica)).rejects.toThrow(/imported before source texts were stored in parts/);
    await replica.close();

    await ensureSchema(db);
    const [left] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'tl_sources'::regclass AND attname IN ('text', 'astral') AND NOT attisdropped`,
    );
    expect(left!.n).toBe(0);
    await expectTextsServed();
    const articleText = article.sources[0]!;
    const served = await api<{ text: string }>(
      `${article.dataset.id}/sources/${articleText.id}/text?start=0&end=${articleText.text.length}`,
    );
    expect(served.text).toBe(articleText.text);
  });
});
