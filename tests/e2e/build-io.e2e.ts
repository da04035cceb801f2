import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/model/authoring/draft';
import { draftToFiles } from '../../src/model/authoring/draft-files';
import { draftToZip as draftToZipBytes } from '../../src/model/authoring/draft-files-zip';
import { smallDraft } from '../unit/draft-fixture';
import { sharedAppPage } from './app-page';
import { seriousViolations } from './axe';
import { ARTIFACTS, tempDir } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = tempDir();

/** A page meant to do harm: scripts, handlers, styles and frames around a short article. */
const HOSTILE_HTML = `<!doctype html>
<html lang="en-GB"><head>
<title>Harbour deal | The Coast Courier</title>
<meta name="author" content="Mara Quill">
<meta property="og:site_name" content="The Coast Courier">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://courier.example/harbour-deal">
<style>body { display: none } p { color: red }</style>
<script>window.__pwned = 'script';</script>
<script src="https://evil.example/x.js"></script>
</head>
<body onload="window.__pwned = 'onload'">
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour deal</h1>
<p>The mayor, Ann Example, signed the harbour deal on Tuesday with the Port Authority. “It is done,” she said.</p>
<img src="https://evil.example/pixel.gif" onerror="window.__pwned = 'onerror'">
<p>Bob Sample, the authority’s chair, denied that the council had been misled about the costs of the deal.</p>
<script>document.write('<p>INJECTED BY SCRIPT</p>')</script>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<p>The deal runs for ten years, and the council will review it every two years in an open session.</p>
</article>
<footer>Copyright The Coast Courier</footer>
</body></html>`;

describe('getting sources, drafts and dataset zips in and out (the build-io pieces on their bench)', () => {
  const page = sharedAppPage();
  const requests: string[] = [];

  const harnessDraft = () => page().evaluate(() => window.threadline!.io.harnessDraft());
  async function mount(draft: Draft): Promise<void> {
    await page().evaluate((d) => window.threadline!.io.harness(d), draft);
    await page().getByTestId('build-io-harness').waitFor();
    await expect.poll(harnessDraft).toMatchObject({ key: draft.key });
  }
  const shot = (name: string) => page().screenshot({ path: join(ARTIFACTS, `build-io-${name}.png`) });

  beforeEach(() => {
    if (requests.length === 0) page().on('request', (r) => requests.push(r.url()));
  });

  describe('adding a source', () => {
    const dialog = () => page().getByRole('dialog', { name: 'Add a source' });
    async function openDialog(): Promise<void> {
      await page().getByRole('button', { name: 'Add a source…' }).click();
      await dialog().waitFor();
    }
    async function pick(name: string, buffer: Buffer, mimeType = 'text/plain'): Promise<void> {
      await dialog().getByTestId('source-file-input').setInputFiles({ name, mimeType, buffer });
    }

    it('reads the article of a hostile web page, running none of it, and proposes its metadata', async () => {
      // The app's Content-Security-Policy reports anything the page tried to load.
      await page().evaluate(() => {
        const seen: string[] = [];
        (window as { cspSeen?: string[] }).cspSeen = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await mount({ ...smallDraft('source-html'), sources: [], texts: {}, quotes: [], relations: [] });
      await openDialog();
      await pick('harbour.html', Buffer.from(HOSTILE_HTML), 'text/html');
      await dialog()
        .getByText(/^From harbour\.html: the article of a web page/)
        .waitFor();
      const field = (name: string) => dialog().locator(`input[name="${name}"]`);
      expect(await field('title').inputValue()).toBe('Harbour deal');
      expect(await field('author').inputValue()).toBe('Mara Quill');
      expect(await field('publisher').inputValue()).toBe('The Coast Courier');
      expect(await field('date').inputValue()).toBe('2024-03-05');
      expect(await field('url').inputValue()).toBe('https://courier.example/harbour-deal');
      expect(await field('language').inputValue()).toBe('en-GB');
      const text = await dialog().getByRole('textbox', { name: 'Text', exact: true }).inputValue();
      expect(text).toContain('“It is done,” she said.');
      expect(text).toContain('denied that the council had been misled');
      expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(text).not.toMatch(/INJECTED|__pwned|display: none|Copyright/);
      await shot('add-source-html');
      expect(await seriousViolations(page())).toEqual([]);

      await dialog().getByRole('button', { name: 'Add source' }).click();
      await dialog().waitFor({ state: 'detached' });
      const draft = await harnessDraft();
      expect(draft!.sources).toEqual([
        {
          id: 'harbour-deal',
          file: 'sources/harbour-deal.txt',
          title: 'Harbour deal',
          publisher: 'The Coast Courier',
          author: 'Mara Quill',
          date: '2024-03-05',
          url: 'https://courier.example/harbour-deal',
          language: 'en-GB',
        },
      ]);
      expect(draft!.texts['harbour-deal']).toBe(text);
      // Nothing of the page ran, and nothing it points at was fetched.
      expect(await page().evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(requests.filter((u) => u.includes('evil.example'))).toEqual([]);
      // Chromium checks the inert document's inline handlers and style against the page's policy and
      // reports them; none is a request: nothing was fetched, from the page's hosts or any other.
      const csp = await page().evaluate(() => (window as { cspSeen?: string[] }).cspSeen!);
      expect(csp.filter((v) => !v.endsWith(' inline'))).toEqual([]);
    });

    it('reads UTF-16 with a byte order mark and says so', async () => {
      await openDialog();
      const text = 'Interview notes: “We never met,” he said.\n';
      await pick('notes.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      await dialog()
        .getByText(/read as UTF-16LE\.$/)
        .waitFor();
      expect(await dialog().getByRole('textbox', { name: 'Text', exact: true }).inputValue()).toBe(text);
      expect(await dialog().locator('input[name="title"]').inputValue()).toBe('notes');
      await dialog().getByRole('button', { name: 'Cancel' }).click();
    });

    it('refuses bad files and fields, each with a message naming the problem, and changes nothing', async () => {
      const before = await harnessDraft();
      await openDialog();
      const text = dialog().getByRole('textbox', { name: 'Text', exact: true });
      await text.fill('Typed by hand, and kept through every refusal below.');
      const alert = () => dialog().getByRole('alert');
      const cases: Array<[string, Buffer, RegExp]> = [
        [
          'photo.txt',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
          /^photo\.txt: it is a PNG image$/,
        ],
        [
          'latin.txt',
          Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
          /^latin\.txt: it is not UTF-8 text \(byte 0xE9 at offset 3/,
        ],
        [
          'big.txt',
          Buffer.alloc(5 * 1024 * 1024 + 10, 0x61),
          /^big\.txt: the file is 5 MB; a source is limited to 5 MB$/,
        ],
        [
          'blob.bin.txt',
          Buffer.from('text\u0001\u0002 with controls'),
          /^blob\.bin\.txt: it holds a control character \(U\+0001\) on line 1/,
        ],
        [
          'sheet.pdf',
          Buffer.from('%PDF-1.4'),
          /^sheet\.pdf: only \.txt, \.md and \.html files can be added as sources$/,
        ],
      ];
      for (const [name, bytes, message] of cases) {
        await pick(name, bytes);
        await expect.poll(() => alert().textContent()).toMatch(message);
        expect(await text.inputValue()).toBe('Typed by hand, and kept through every refusal below.');
      }
      await shot('add-source-refused');

      await dialog().locator('input[name="title"]').fill('Hand notes');
      await dialog().locator('input[name="url"]').fill('javascript:alert(1)');
      await dialog().locator('input[name="date"]').fill('2024-02-30');
      await dialog().getByRole('button', { name: 'Add source' }).click();
      await expect
        .poll(() => dialog().locator('input[name="url"]').getAttribute('aria-invalid'))
        .toBe('true');
      expect(
        await dialog()
          .getByText(/^URL: a source link is an http or https URL$/)
          .count(),
      ).toBe(1);
      expect(
        await dialog()
          .getByText(/^Date: /)
          .count(),
      ).toBe(1);
      await shot('add-source-fields');
      expect(await seriousViolations(page())).toEqual([]);
      await dialog().getByRole('button', { name: 'Cancel' }).click();
      expect(await harnessDraft()).toEqual(before);
    });
  });

  describe('exporting and importing the dataset zip', () => {
    async function download(button: string): Promise<{ path: string; name: string }> {
      const [file] = await Promise.all([
        page().waitForEvent('download'),
        page().getByRole('button', { name: button, exact: true }).click(),
      ]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      return { path, name: file.suggestedFilename() };
    }
    const importZip = (name: string, buffer: Buffer) =>
      page().getByTestId('import-zip-input').setInputFiles({ name, mimeType: 'application/zip', buffer });

    it('exports a zip that npm run validate accepts unchanged, and imports it back as a new draft', async () => {
      await mount(smallDraft('zip-round-trip'));
      const zip = await download('Export zip');
      expect(zip.name).toBe('letters.zip');
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', zip.path], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toMatch(/letters\.zip: ok — 1 source\(s\), 2 entities, 1 relations, 1 quotes/);

      await importZip('letters.zip', readFileSync(zip.path));
      await page()
        .getByText(/^Imported “Letters” from letters\.zip as a new draft\.$/)
        .waitFor();
      const key = await page().getByTestId('harness-imported').textContent();
      expect(key).not.toBe('zip-round-trip');
      const imported = await page().evaluate((k) => window.threadline!.io.loadDraft(k!), key);
      const { key: _a, updatedAt: _b, ...content } = smallDraft('x');
      expect(imported).toMatchObject(content);
      expect((await harnessDraft())!.key).toBe('zip-round-trip');
      await shot('zip-imported');
    });

    it('imports a zip in the background, saying what it is doing at each stage', async () => {
      await mount(smallDraft('zip-progress'));
      const zip = Buffer.from(draftToZipBytes(smallDraft('x')));
      // Every text the progress line shows, as it shows it.
      await page().evaluate(() => {
        const seen: string[] = [];
        (window as { progressSeen?: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          const line = document.querySelector('[data-testid="zip-import-progress"]')?.textContent;
          if (line && seen[seen.length - 1] !== line) seen.push(line);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await importZip('letters.zip', zip);
      await page()
        .getByText(/^Imported “Letters” from letters\.zip as a new draft\.$/)
        .waitFor();
      const seen = await page().evaluate(() => (window as { progressSeen?: string[] }).progressSeen!);
      expect(seen).toEqual([
        'Importing letters.zip: reading the file…',
        `Importing letters.zip: unzipping ${Math.ceil(zip.byteLength / 1024)} kB…`,
        'Importing letters.zip: checking 6 files as npm run validate would…',
      ]);
      expect(await page().getByTestId('zip-import-progress').count()).toBe(0);
    });

    it('refuses zips that are not datasets, bombs and paths out of the folder, leaving the draft as it was', async () => {
      const before = await harnessDraft();
      const files = draftToFiles(smallDraft());
      const zipOf = (entries: Record<string, string | Uint8Array>) =>
        Buffer.from(
          zipSync(
            Object.fromEntries(
              Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]),
            ),
          ),
        );
      const { ['relations.json']: _r, ...noRelations } = files;
      const cases: Array<[string, Buffer, RegExp]> = [
        ['photos.zip', zipOf({ 'a.jpg': 'x' }), /the zip is not a dataset: it has no dataset\.json/],
        ['partial.zip', zipOf(noRelations), /the dataset has no relations\.json/],
        [
          'bomb.zip',
          zipOf({ ...files, 'sources/zeros.txt': new Uint8Array(16 * 1024 * 1024) }),
          /a zip bomb\?\); refused/,
        ],
        ['escape.zip', zipOf({ ...files, '../../evil.txt': 'x' }), /climbs out of the folder/],
        ['fake.zip', Buffer.from('not a zip at all'), /not a readable zip file/],
      ];
      for (const [name, bytes, message] of cases) {
        await importZip(name, bytes);
        const alert = page()
          .getByRole('alert')
          .filter({ hasText: `${name} could not be imported` });
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(message);
        await alert.getByRole('button', { name: 'Dismiss' }).click();
      }
      expect(await harnessDraft()).toEqual(before);
      const saved = await page().evaluate(() => window.threadline!.io.listDrafts());
      expect(saved.filter((d) => d.title !== 'Letters')).toEqual([]);
    });

    it('never exports an invalid draft silently: the zip asks first, the bundle is refused', async () => {
      const broken = smallDraft('broken');
      broken.quotes = [{ id: 'q-met', source: 'letter', exact: 'Ann met Bob in Rome.' }];
      await mount(broken);
      await page().getByRole('button', { name: 'Export bundle' }).click();
      const refused = page().getByRole('alert').filter({ hasText: 'No bundle' });
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(/quote-not-found/);
      await refused.getByRole('button', { name: 'Dismiss' }).click();
      await page().getByRole('button', { name: 'Export zip' }).click();
      const asks = page().getByRole('alert').filter({ hasText: 'would not pass npm run validate' });
      await asks.waitFor();
      await shot('export-asks');
      const zip = await download('Export the zip anyway');
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', zip.path], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/quote-not-found/);

      await mount(smallDraft('valid-bundle'));
      const bundle = await download('Export bundle');
      const parsed = JSON.parse(readFileSync(bundle.path, 'utf8')) as { format: string; quotes: unknown[] };
      expect(parsed).toMatchObject({
        format: 'threadline-bundle',
        quotes: [{ id: 'q-met', start: 0, end: 21 }],
      });
    });
  });

  describe('saved drafts', () => {
    it('lists the drafts saved in this browser, reopens one, and deletes one after asking', async () => {
      await page().evaluate(async (d) => {
        await window.threadline!.io.saveDraft({
          ...d,
          key: 'keep-me',
          dataset: { id: 'keep', title: 'Keep me' },
        });
        await window.threadline!.io.saveDraft({
          ...d,
          key: 'drop-me',
          dataset: { id: 'drop', title: 'Drop me' },
        });
      }, smallDraft());
      await mount(smallDraft('list-current'));
      const list = page().getByRole('region', { name: 'Saved drafts' });
      await list.getByText('Drop me').waitFor();
      await shot('draft-list');
      expect(await seriousViolations(page())).toEqual([]);
      await list.getByRole('button', { name: 'Delete Drop me' }).click();
      await list.getByText('Delete “Drop me” for good?').waitFor();
      await list.getByRole('button', { name: 'Delete', exact: true }).click();
      await list.getByText('Drop me').waitFor({ state: 'detached' });
      expect(await page().evaluate(() => window.threadline!.io.loadDraft('drop-me'))).toBeUndefined();

      await list.getByRole('button', { name: 'Keep me', exact: true }).click();
      await expect.poll(async () => (await harnessDraft())?.key).toBe('keep-me');
      await list.getByText('Keep me (open)').waitFor();
      expect(await list.getByRole('button', { name: 'Delete Keep me' }).count()).toBe(0);
    });
  });

  describe('importing a spreadsheet', () => {
    const dialog = () => page().getByRole('dialog', { name: 'Import a spreadsheet' });
    const SOURCE = 'Ann met Bob in Paris. “We talked,” Ann said — and Bob’s reply was “never.”\n';
    const csvDraft = (): Draft => ({
      ...smallDraft('csv'),
      texts: { letter: SOURCE },
      entities: [],
      quotes: [],
      relations: [],
    });
    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

    it('finds straight-quoted quotes in a curly-quoted source, stores them as the source has them, and lists rows it cannot anchor', async () => {
      await mount(csvDraft());
      await page().getByRole('button', { name: 'Import a spreadsheet…' }).click();
      await dialog().waitFor();
      await dialog()
        .getByTestId('csv-entities-input')
        .setInputFiles(csv('entities.csv', 'id,type,name\nann,person,Ann\nbob,person,Bob\n'));
      await dialog()
        .getByTestId('csv-relations-input')
        .setInputFiles(
          csv(
            'relations.csv',
            [
              'source,target,type,status,quote',
              'ann,bob,met,fact,"""We talked,"" Ann said - and Bob\'s reply"',
              'ann,bob,met,claim,Ann met Bob in London.',
            ].join('\n'),
          ),
        );
      const preview = dialog().getByTestId('csv-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toMatch(/Would add 2 entities, 1 relation and 1 quote\./);
      const problems = dialog().getByTestId('csv-problems');
      expect(await problems.textContent()).toMatch(/relations\.csv: row 3: the quote is not in the source/);
      expect(await problems.textContent()).toMatch(/Closest in the source: \S/);
      await shot('csv-preview');
      expect(await seriousViolations(page())).toEqual([]);
      await dialog().getByRole('button', { name: 'Import' }).click();
      await dialog().waitFor({ state: 'detached' });
      const draft = await harnessDraft();
      expect(draft!.quotes.map((q) => q.exact)).toEqual(['“We talked,” Ann said — and Bob’s reply']);
      expect(SOURCE).toContain(draft!.quotes[0]!.exact);
      expect(draft!.relations).toHaveLength(1);
    });

    it('refuses a sheet with missing columns and a binary file, changing nothing', async () => {
      const before = await harnessDraft();
      await page().getByRole('button', { name: 'Import a spreadsheet…' }).click();
      await dialog().waitFor();
      await dialog()
        .getByTestId('csv-relations-input')
        .setInputFiles(csv('relations.csv', 'source,target,quote\nann,bob,x\n'));
      await dialog().getByTestId('csv-preview').waitFor();
      expect(await dialog().getByTestId('csv-problems').textContent()).toMatch(
        /relations\.csv is missing the columns "type", "status"/,
      );
      expect(await dialog().getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
      await dialog()
        .getByTestId('csv-entities-input')
        .setInputFiles({
          name: 'entities.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]),
        });
      await dialog().getByRole('alert').filter({ hasText: 'entities.csv: it is a zip archive' }).waitFor();
      await shot('csv-refused');
      await dialog().getByRole('button', { name: 'Cancel' }).click();
      expect(await harnessDraft()).toEqual(before);
    });
  });
});
