/**
 * Importing: a broken dataset changes nothing and is reported as `npm run validate` reports it; an import
 * killed half way leaves the previous version; publishing keeps the previous version; COPY carries any text.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblemList } from '../../src/model/format/problems';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { createApp } from '../../src/server/app';
import type { Bundle } from '../../src/model/format/bundle';
import type { Db } from '../../src/server/db';
import { importBundle } from '../../src/server/import';
import { QUOTE_PARTS, VERSIONED_TABLES, versionTables as tablesOf } from '../../src/server/schema';
import { TEXT_PART_CHARS, wholeTextSql } from '../../src/server/source-parts';
import { listDatasets } from '../../src/server/queries';
import { generateDataset, type GenerateOptions } from '../../scripts/synthetic/generate';
import { displayPath, folderReader } from '../../scripts/dataset-files';
import { articleBundle, fixtureBundle, fixtureFiles, validateFiles } from '../unit/fixtures';
import { onPostgres, testDatabase, type TestDatabase } from './server-db';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ARTICLE = join(ROOT, 'graph-data', 'trump-putin');
const scratch = mkdtempSync(join(tmpdir(), 'threadline-import-test-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every table of a version (tl_…_vN, and the quotes' parts tl_quotes_vN_pK) in this test's schema, attached or not, sorted. */
async function versionTables(db: Db): Promise<string[]> {
  const rows = await db.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relname ~ '^tl_[a-z_]+_v[0-9]+(_p[0-9]+)?$' AND relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace`,
  );
  return rows.map((r) => r.relname).sort();
}

/** A synthetic dataset written out as folder `name` of the scratch space, as `npm run gen` writes one. */
function writeGenerated(
  name: string,
  options: GenerateOptions,
): { folder: string; files: Map<string, string> } {
  const { files } = generateDataset(options);
  const folder = join(scratch, name);
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return { folder, files };
}

/** A valid synthetic bundle of the given size, read back from its folder. */
function generatedBundle(entities: number, relations: number, seed: number): Bundle {
  const { folder } = writeGenerated(`generated-${seed}`, { entities, relations, seed });
  return validateDatasetFolder('generated', folderReader(folder)).bundle!;
}

async function database(name: string) {
  const d = await testDatabase(name, { folder: true });
  databases.push(d);
  return d;
}

/** What db:import printed on stderr that is not a warning (the validator's warnings do not stop an import). */
const notWarnings = (stderr: string) => stderr.split('\n').filter((line) => line && !/: warning /.test(line));

/** As `npm run db:import` runs it: through the launcher that sizes the heap (scripts/with-heap.ts). */
const dbImport = (path: string, url: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/with-heap.ts', 'scripts/db-import.ts', path, '--db', url],
    { cwd: ROOT, encoding: 'utf8', env },
  );

describe('db:import', () => {
  it('imports a dataset folder and says so', async () => {
    const d = await database('cli-ok');
    const run = dbImport(ARTICLE, d.url);
    expect(notWarnings(run.stderr)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/trump-putin: version \d+ is current \(previous: none\)/);
    const db = await d.open();
    expect((await listDatasets(db)).map((x) => x.counts.relations)).toEqual([
      articleBundle().relations.length,
    ]);
    await db.close();
  });

  it('with --times, says where the time went: garbage collection, heap, each load task', async () => {
    const d = await database('cli-times');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/with-heap.ts', 'scripts/db-import.ts', ARTICLE, '--db', d.url, '--times'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}validation: GC .*; heap \d+\.\d GB$/m);
    expect(run.stdout).toMatch(/^ {2}import: GC /m);
    // Each step with when it began: the switch and the parents' statistics come after the load tasks.
    for (const step of ['loading', 'switching', 'analysing'])
      expect(run.stdout).toMatch(new RegExp(`^  ${step}… \\(\\d+\\.\\d s\\)$`, 'm'));
    for (const table of ['tl_quotes p0', 'tl_quotes p1', 'tl_relations', 'tl_entities'])
      expect(run.stdout).toMatch(new RegExp(`^  copy ${table}: \\d+\\.\\d–\\d+\\.\\d s$`, 'm'));
    // The full-text index is built per part of the quotes, each on its own connection.
    expect(run.stdout).toMatch(/^ {2}index tl_quotes_words_v\d+_p0: /m);
    expect(run.stdout).toMatch(/^ {2}index tl_quotes_words_v\d+_p1: /m);
  });

  it('refuses a broken dataset with the validator’s own lines, and changes nothing', async () => {
    const d = await database('cli-broken');
    const db = await d.open();
    await importBundle(db, articleBundle());
    const before = await listDatasets(db);
    await db.close();
    const broken = join(scratch, 'broken-article');
    cpSync(ARTICLE, broken, { recursive: true });
    const quotesFile = join(broken, 'quotes.json');
    const quotes = readFileSync(quotesFile, 'utf8');
    // One quote no longer verbatim: "Putin" spelt "Putim" in its first occurrence in quotes.json.
    writeFileSync(quotesFile, quotes.replace('Putin', 'Putim'));
    const run = dbImport(broken, d.url);
    expect(run.status).toBe(1);
    const expected = formatProblemList(
      validateDatasetFolder(displayPath(broken), folderReader(broken)).problems.filter(
        (p) => p.severity === 'error',
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const line of expected) expect(run.stderr).toContain(line);
    expect(run.stderr).toMatch(/nothing was imported/);
    const after = await d.open();
    expect(await listDatasets(after)).toEqual(before);
    await after.close();
  });

  it('names a missing path and takes compact files', async () => {
    const d = await database('cli-compact');
    expect(dbImport(join(scratch, 'nowhere'), d.url).stderr).toMatch(
      /nowhere\b.*: file-missing: no such file or folder/,
    );
    const index = join(scratch, 'article.json');
    const compile = spawnSync(TSX, ['scripts/compile.ts', ARTICLE, '--out', index, '--compact'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(compile.status).toBe(0);
    const run = dbImport(index, d.url);
    expect(notWarnings(run.stderr)).toEqual([]);
    const db = await d.open();
    const [info] = await listDatasets(db);
    expect(info?.counts).toMatchObject({
      relations: articleBundle().relations.length,
      quotes: articleBundle().quotes.length,
    });
    await db.close();
  });

  it('imports a dataset in parts, and refuses one with a broken part naming that part and its line', async () => {
    const d = await database('cli-parts');
    const { folder, files } = writeGenerated('parted', {
      entities: 300,
      relations: 1200,
      seed: 5,
      partRecords: 500,
    });
    expect([...files.keys()]).toContain('relations/part-0003.json');
    const run = dbImport(folder, d.url);
    expect(notWarnings(run.stderr)).toEqual([]);
    expect(run.status).toBe(0);
    const db = await d.open();
    const before = await listDatasets(db);
    expect(before.map((x) => x.counts.relations)).toEqual([1200]);
    // The last part's relations are there, by id, with their evidence.
    const last = (JSON.parse(files.get('relations/part-0003.json')!) as { relations: Array<{ id: string }> })
      .relations;
    const res = await createApp({ db }).request(
      `/api/datasets/${before[0]!.id}/relations/${encodeURIComponent(last.at(-1)!.id)}`,
    );
    expect(res.status).toBe(200);
    await db.close();

    // Part 2's relation at index 10 (line 12) cites a quote that does not exist.
    const part2 = join(folder, 'relations', 'part-0002.json');
    const lines = readFileSync(part2, 'utf8').split('\n');
    lines[11] = lines[11]!.replace(/"evidence":\["[^"]+"/, '"evidence":["no-such-quote"');
    writeFileSync(part2, lines.join('\n'));
    const broken = dbImport(folder, d.url);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/parted\/relations\/part-0002\.json:12\b.*no-such-quote/);
    expect(broken.stderr).toMatch(/nothing was imported/);
    const after = await d.open();
    expect(await listDatasets(after)).toEqual(before);
    await after.close();
  });

  it('refuses a dataset too large for the heap in one sentence, before any work, and imports nothing', async () => {
    const d = await database('cli-heap');
    const { folder } = writeGenerated('too-large', { entities: 10000, relations: 50000, seed: 5 });
    // The smallest heap tsx starts in (80 MB in all) against a 23 MB dataset: sure not to fit.
    const run = dbImport(folder, d.url, {
      ...process.env,
      NODE_OPTIONS: '--max-old-space-size=32 --max-semi-space-size=1',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /too-large: the dataset is \d+ MB on disk and takes about \d+ MB of memory to validate and import, but Node's heap is limited to \d+ MB: run it with NODE_OPTIONS=--max-old-space-size=1024; nothing was imported$/,
    );
    // Refused before the database was even opened: not a table was made.
    const db = await d.open();
    const [made] = await db.query<{ t: string | null }>(`SELECT to_regclass('tl_datasets')::text AS t`);
    expect(made!.t).toBeNull();
    await db.close();
  });

  it('leaves the previous version intact when an import is killed half way', async () => {
    const d = await database('cli-killed');
    const { folder } = writeGenerated('synthetic', { entities: 500, relations: 3000, seed: 7 });
    expect(dbImport(folder, d.url).status).toBe(0);
    const db = await d.open();
    const [first] = await listDatasets(db);
    const sample = await createApp({ db }).request(`/api/datasets/${first!.id}/search/entities?q=a`);
    const before = await sample.text();
    await db.close();

    // The second import holds once its tables are loaded, as it is about to switch, until it is killed.
    // Node itself with tsx's loader, not the tsx wrapper: the wrapper's child would outlive a kill.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/db-import.ts', folder, '--db', d.url],
      {
        cwd: ROOT,
        env: { ...process.env, THREADLINE_IMPORT_HOLD_AT: 'switching' },
      },
    );
    let out = '';
    await new Promise<void>((done) =>
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('switching…')) done();
      }),
    );
    expect(out).toContain('loading…');
    const exited = new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const again = await d.open();
    expect(await listDatasets(again)).toEqual([first]);
    const after = await createApp({ db: again }).request(`/api/datasets/${first!.id}/search/entities?q=a`);
    expect(await after.text()).toBe(before);
    // Only the first version is attached: what the killed import loaded stands apart, where no query reads.
    const attached = await again.query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'tl_relations'::regclass`,
    );
    expect(attached.map((r) => r.relname)).toEqual([`tl_relations_v${first!.version}`]);
    // And the next import goes through, dropping what the killed one left.
    const next = await importBundle(again, validateDatasetFolder('synthetic', folderReader(folder)).bundle!);
    expect(next.previousVersion).toBe(first!.version);
    expect(await versionTables(again)).toEqual([first!.version, next.version].flatMap(tablesOf).sort());
    await again.close();
  });
});

describe('a load that fails part way', () => {
  it('drops what it loaded and leaves the previous version as it was, whichever table fails', async () => {
    const d = await database('failed-load');
    const db = await d.open();
    const good = generatedBundle(400, 2000, 3);
    const first = await importBundle(db, good);
    const before = await listDatasets(db);
    const app = createApp({ db });
    const page = async () =>
      (
        await app.request(`/api/datasets/${first.dataset}/entities/${good.entities[0]!.id}/neighbours`)
      ).text();
    const shown = await page();
    const failing: Array<[string, typeof good, RegExp]> = [
      // COPY refuses a NUL character: the entities' copy fails while the other tables load beside it.
      [
        'a copy',
        { ...good, entities: good.entities.map((e, i) => (i === 7 ? { ...e, description: 'a\u0000b' } : e)) },
        /0x00|null character|invalid byte/i,
      ],
      // Two relations with one id: every table loads, then the unique index on relation ids cannot be built.
      [
        'an index',
        {
          ...good,
          relations: good.relations.map((r, i) => (i === 1 ? { ...r, id: good.relations[0]!.id } : r)),
        },
        /unique|duplicate/i,
      ],
    ];
    for (const [what, bundle, message] of failing) {
      await expect(importBundle(db, bundle), what).rejects.toThrow(message);
      expect(await listDatasets(db), what).toEqual(before);
      expect(await page(), what).toBe(shown);
      expect(await versionTables(db), what).toEqual(tablesOf(first.version).sort());
      const versions = await db.query<{ version: number }>('SELECT version FROM tl_versions');
      expect(
        versions.map((v) => v.version),
        what,
      ).toEqual([first.version]);
    }
    // The database is left fit for the next import.
    expect((await importBundle(db, good)).previousVersion).toBe(first.version);
    await db.close();
  });

  it('builds each index once, before the switch: the attached tables carry exactly their parents’ indexes', async () => {
    const d = await database('indexes');
    const db = await d.open();
    const { version } = await importBundle(db, generatedBundle(100, 300, 4));
    for (const table of VERSIONED_TABLES) {
      const names = async (relation: string) =>
        (
          await db.query<{ name: string }>(
            `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass ORDER BY 1`,
            [relation],
          )
        ).map((r) => r.name);
      const parent = await names(table);
      expect(parent.length, table).toBeGreaterThan(0);
      // Had ATTACH built its own, the partition would hold those beside the ones built while loading.
      expect(await names(`${table}_v${version}`), table).toEqual(
        parent.map((n) => `${n}_v${version}`).sort(),
      );
      // A version's quotes are parts, each indexed on its own, their indexes adopted by the partition's.
      if (table === 'tl_quotes')
        for (let part = 0; part < QUOTE_PARTS; part++)
          expect(await names(`${table}_v${version}_p${part}`), `${table} p${part}`).toEqual(
            parent.map((n) => `${n}_v${version}_p${part}`).sort(),
          );
    }
    await db.close();
  });

  it('splits a version’s quotes by row into parts that hold every quote once, in order', async () => {
    const d = await database('quote-parts');
    const db = await d.open();
    const bundle = generatedBundle(100, 301, 5);
    const { version } = await importBundle(db, bundle);
    const parts = await db.query<{ part: string; n: number; first: number; last: number }>(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n, min(row) AS first, max(row) AS last
       FROM tl_quotes WHERE version = $1 GROUP BY 1 ORDER BY 1`,
      [version],
    );
    const quotes = bundle.quotes.length;
    expect(parts.map((p) => p.part)).toEqual(
      Array.from({ length: QUOTE_PARTS }, (_, i) => `tl_quotes_v${version}_p${i}`),
    );
    // Equal shares, one after the other: together every row from 0 to the last, each once.
    expect(parts.reduce((sum, p) => sum + p.n, 0)).toBe(quotes);
    expect(parts[0]!.first).toBe(0);
    expect(parts.at(-1)!.last).toBe(quotes - 1);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.first).toBe(parts[i - 1]!.last + 1);
    for (const p of parts) expect(Math.abs(p.n - quotes / QUOTE_PARTS)).toBeLessThanOrEqual(1);
    // A row number finds its quote through the parts: the id is the bundle's.
    const [last] = await db.query<{ id: string }>(
      `SELECT id FROM tl_quotes WHERE version = $1 AND row = $2`,
      [version, quotes - 1],
    );
    expect(last!.id).toBe(bundle.quotes.at(-1)!.id);
    await db.close();
  });
});

describe('a database made before the quotes were split', () => {
  it('loses its unique index on quote ids on the next import, which goes through and keeps the version before', async () => {
    const d = await database('old-unique');
    const db = await d.open();
    const bundle = generatedBundle(100, 300, 6);
    const first = await importBundle(db, bundle);
    // As an older database has it: quote ids unique by index, on the parent and every version's quotes.
    await db.query('DROP INDEX tl_quotes_id');
    await db.query(`ALTER TABLE tl_quotes DETACH PARTITION tl_quotes_v${first.version}`);
    await db.query('CREATE TABLE old_quotes (LIKE tl_quotes INCLUDING DEFAULTS)');
    await db.query(`INSERT INTO old_quotes SELECT * FROM tl_quotes_v${first.version}`);
    await db.query(`DROP TABLE tl_quotes_v${first.version}`);
    await db.query(`ALTER TABLE old_quotes RENAME TO tl_quotes_v${first.version}`);
    await db.query('CREATE UNIQUE INDEX tl_quotes_id ON tl_quotes (version, id)');
    // Attached, it gets every index of the parent, built here.
    await db.query(
      `ALTER TABLE tl_quotes ATTACH PARTITION tl_quotes_v${first.version} FOR VALUES IN (${first.version})`,
    );

    // A unique index on a table split by row would have to include the row: this import could not attach.
    const next = await importBundle(db, bundle);
    expect(next.previousVersion).toBe(first.version);
    const [index] = await db.query<{ unique: boolean }>(
      `SELECT indisunique AS unique FROM pg_index WHERE indexrelid = to_regclass('tl_quotes_id')`,
    );
    expect(index!.unique).toBe(false);
    // Both versions read their quotes by id.
    for (const version of [first.version, next.version]) {
      const [q] = await db.query<{ row: number }>(
        `SELECT row FROM tl_quotes WHERE version = $1 AND id = $2`,
        [version, bundle.quotes[7]!.id],
      );
      expect(q!.row).toBe(7);
    }
    await db.close();
  });
});

describe('source texts', () => {
  it('are compressed with LZ4 on a PostgreSQL server built with it, and come back whole', async () => {
    const d = await database('lz4');
    const db = await d.open();
    const files = fixtureFiles('valid-minimal');
    // Long enough to be compressed (past 2 kB), and compressible.
    const long = `${files.get('sources/letter.txt')}\n${'The minister said nothing more that day. '.repeat(200)}`;
    files.set('sources/letter.txt', long);
    const { version } = await importBundle(db, validateFiles('valid-minimal', files).bundle!);
    const [server] = await db.query<{ lz4: boolean; default: string }>(
      `SELECT coalesce(bool_or('lz4' = ANY(enumvals)), false) AS lz4, current_setting('default_toast_compression') AS default
       FROM pg_settings WHERE name = 'default_toast_compression'`,
    );
    // Its whole parts past the first are the repeated sentence: each long enough to be compressed.
    const parts = await db.query<{ method: string | null }>(
      `SELECT pg_column_compression(p.text) AS method FROM tl_source_parts p
       JOIN tl_sources s ON s.version = p.version AND s.row = p.source
       WHERE s.version = $1 AND s.id = 'letter' AND p.start > 0 AND length(p.text) = ${TEXT_PART_CHARS}`,
      [version],
    );
    expect(parts.length).toBeGreaterThan(2);
    // PGlite runs the load in its one session, with its own default.
    for (const part of parts) expect(part.method).toBe(onPostgres && server!.lz4 ? 'lz4' : server!.default);
    const [row] = await db.query<{ text: string }>(
      `SELECT ${wholeTextSql('s.version', 's.row')} AS text FROM tl_sources s WHERE s.version = $1 AND s.id = 'letter'`,
      [version],
    );
    expect(row!.text).toBe(long);
    await db.close();
  });
});

describe('publishing', () => {
  it('needs the token, refuses a broken bundle whole, keeps the previous version and drops the one before', async () => {
    const d = await database('publish');
    const db = await d.open();
    const app = createApp({ db, writeToken: 'a-long-team-secret' });
    const bundle = fixtureBundle('valid-minimal');
    const publish = (body: string, token?: string) =>
      app.request('/api/datasets', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      });

    expect((await publish(JSON.stringify(bundle))).status).toBe(401);
    expect((await publish(JSON.stringify(bundle), 'a-long-team-secreT')).status).toBe(401);
    expect(await (await app.request('/api/datasets')).json()).toEqual({ datasets: [] });
    const closed = createApp({ db });
    const off = await closed.request('/api/datasets', {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer x' },
    });
    expect(off.status).toBe(403);

    const first = await publish(JSON.stringify(bundle), 'a-long-team-secret');
    expect(first.status).toBe(201);
    const v1 = ((await first.json()) as { version: number }).version;

    const files = fixtureFiles('valid-minimal');
    files.set('sources/letter.txt', `${files.get('sources/letter.txt')} Babbage also called her a fairy.`);
    const edited = validateFiles('valid-minimal', files).bundle!;
    const bad = { ...edited, quotes: edited.quotes.map((q) => ({ ...q, exact: `${q.exact}!` })) };
    const refused = await publish(JSON.stringify(bad), 'a-long-team-secret');
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { problems: string[] };
    expect(body.problems.join('\n')).toMatch(/quote/);
    expect((await listDatasets(db))[0]!.version).toBe(v1);

    const second = await publish(JSON.stringify(edited), 'a-long-team-secret');
    const v2 = ((await second.json()) as { version: number; previousVersion: number }).version;
    expect((await listDatasets(db))[0]!).toMatchObject({ version: v2, previousVersion: v1 });
    const old = await app.request(`/api/datasets/valid-minimal/sources/letter/text?end=1000&version=${v1}`);
    expect(((await old.json()) as { text: string }).text).toBe(bundle.sources[0]!.text);
    const current = await app.request(`/api/datasets/valid-minimal/sources/letter/text?end=1000`);
    expect(((await current.json()) as { text: string }).text).toBe(edited.sources[0]!.text);

    await publish(JSON.stringify(bundle), 'a-long-team-secret');
    expect((await app.request(`/api/datasets/valid-minimal/facets?version=${v1}`)).status).toBe(404);
    expect((await app.request(`/api/datasets/valid-minimal/facets?version=${v2}`)).status).toBe(200);
    await db.close();
  });
});

describe('what COPY carries', () => {
  it('brings back every character exactly, and offsets hold beyond the Basic Multilingual Plane', async () => {
    const d = await database('copy');
    const db = await d.open();
    await db.query('CREATE TABLE t (a text, b text[], c jsonb)');
    const hostile = [
      'tab\there',
      'line\nbreak\r\n',
      'back\\slash',
      '\\N',
      '',
      '"quoted", {braced}',
      'NULL',
      'emoji 🙂 and é',
      "it's",
    ];
    await db.copyFrom(
      't',
      ['a', 'b', 'c'],
      hostile.map((s) => [s, [s, 'x'], { s }]),
    );
    const rows = await db.query<{ a: string; b: string[]; c: { s: string } }>('SELECT a, b, c FROM t');
    expect(rows.map((r) => r.a)).toEqual(hostile);
    expect(rows.map((r) => r.b[0])).toEqual(hostile);
    expect(rows.map((r) => r.c.s)).toEqual(hostile);

    const files = fixtureFiles('valid-minimal');
    files.set('sources/letter.txt', `🙂🙂 ${files.get('sources/letter.txt')}`);
    const valid = validateFiles('valid-minimal', files).bundle!;
    // The importer writes its own COPY lines: every hostile text goes through them too.
    const [first, ...others] = valid.entities;
    const bundle = {
      ...valid,
      entities: [{ ...first!, description: hostile.join(' '), aliases: hostile.slice(0, 8) }, ...others],
    };
    await importBundle(db, bundle);
    const entity = await createApp({ db }).request(`/api/datasets/valid-minimal/entities/${first!.id}`);
    expect(((await entity.json()) as { entity: object }).entity).toMatchObject({
      description: hostile.join(' '),
      aliases: hostile.slice(0, 8),
    });
    const q = bundle.quotes[0]!;
    const res = await createApp({ db }).request(
      `/api/datasets/valid-minimal/sources/letter/text?start=${q.start}&end=${q.end}`,
    );
    expect(((await res.json()) as { text: string }).text).toBe(q.exact);
    await db.close();
  });
});
