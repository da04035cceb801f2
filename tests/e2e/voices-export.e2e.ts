import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { openApp, waitSettled } from './app-page';
import { ARTIFACTS, launchBrowser, newContext, tempDir } from './chromium';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'two-sources');
const REPORT = 'Report on the Port Ash affair. Port Ash Inquiry. 2019-04-18';
const ARTICLE = 'The ship that never docked. Sam Reed. Harbour Gazette. 2019-04-20';

/**
 * A made-up affair told by a report and an article that do not always agree, opened in the app: what a reader takes
 * away (an image, a spreadsheet, a copied path) says how each source presents each relation and cites each source
 * once, and the claim the article calls debunked reads as refuted.
 */
describe('exports and the connection finder cite every source', () => {
  let browser: Browser;
  let page: Page;
  const dir = tempDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    await openApp(page, inject('baseUrl'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const { bundle } = validateDatasetFolder('two-sources', folderReader(FIXTURE));
    if (!bundle) throw new Error('the two-sources fixture does not validate');
    const file = join(dir, 'two-sources.json');
    writeFileSync(file, JSON.stringify(bundle));
    await page.getByTestId('open-bundle-input').setInputFiles(file);
    await page.waitForFunction(() => window.threadline!.getState().model?.dataset.id === 'two-sources');
    await page.evaluate(() => {
      const t = window.threadline!;
      t.actions.addEntities(t.getState().model!.data.entities.map((e) => e.id));
    });
    await page.waitForFunction(() => {
      const s = window.threadline!.getState();
      return s.view.visible.size === 9 && [...s.view.visible].every((id) => s.positions.has(id));
    });
    await waitSettled(page);
  });
  afterAll(async () => browser?.close());

  /** The text lines of an SVG, read by the browser's own parser. */
  const svgTexts = (svg: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) throw new Error('the SVG does not parse');
      return [...doc.querySelectorAll('#page text')].map((t) => t.textContent ?? '');
    }, svg);

  it('the SVG footer says how each source presents a relation, lists each source once, and reads the debunked claim as refuted', async () => {
    const image = await page.evaluate(() =>
      window.threadline!.exportImage({ format: 'svg', legend: true, citations: true }),
    );
    // The footer's lines over every page (evidence past a third of the first continues on the next), as one text:
    // a column's entries wrap, but each is whole.
    const texts = (
      await Promise.all(
        [image.base64, ...image.more.map((p) => p.base64)].map((b) =>
          svgTexts(Buffer.from(b, 'base64').toString('utf8')),
        ),
      )
    ).flat();
    const all = texts.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Stated as fact by the report; claimed by Boris Volkov');
    expect(all).toContain('— Claim · Boris Volkov · S2');
    expect(texts).toContain('Sources');
    expect(all.split(REPORT)).toHaveLength(2);
    expect(all).toContain(`S1 ${REPORT}`);
    expect(all.split(ARTICLE)).toHaveLength(2);
    expect(all).toContain(`S2 ${ARTICLE}`);
    expect(all).toMatch(/\[\d+\] Refuted: Boris Volkov controls Sea Falcon /);
    expect(all).toContain('Alleged by Kestrel memo; refuted by the article');
    // The Sea Falcon is a vessel, drawn as an organisation: the legend names both.
    expect(texts).toContain('Organization, Vessel');
  });

  it('the PNG carries the same footer below the graph, within a third of it', async () => {
    const options = { legend: true, citations: true, scale: 1 } as const;
    const [png, svg] = await page.evaluate(
      (o) =>
        Promise.all([
          window.threadline!.exportImage({ ...o, format: 'png' }),
          window.threadline!.exportImage({ ...o, format: 'svg' }),
        ]),
      options,
    );
    const bytes = Buffer.from(png.base64, 'base64');
    writeFileSync(join(ARTIFACTS, 'two-sources-export.png'), bytes);
    // Composed from the same layout as the SVG, footer included.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
      Math.ceil(svg.width),
      Math.ceil(svg.height),
    ]);
    // The footer, from its rule, is in the PNG as in the SVG: at most a third of the page.
    const svgText = Buffer.from(svg.base64, 'base64').toString('utf8');
    const ruleY = Number(/<g id="page"><line x1="[\d.]+" y1="([\d.]+)"/.exec(svgText)![1]);
    expect(png.height - ruleY).toBeGreaterThan(100);
    expect(png.height - ruleY).toBeLessThanOrEqual(png.height / 3);
    expect(png.more.length).toBe(svg.more.length);
  });

  it('the CSV zip has a claims table with each claim’s source, status and asserter, and each source once', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'CSV (.zip)', exact: true }).click(),
    ]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    await page.keyboard.press('Escape');
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const claims = strFromU8(files['claims.csv']!).split('\r\n');
    expect(claims[0]).toMatch(
      /^relation_id,citation,relation,claim,source,source_id,source_number,status,asserted_by,quote,/,
    );
    expect(claims).toContainEqual(
      expect.stringMatching(
        /^volkov-controls-sea-falcon,\d+,Refuted: Boris Volkov controls Sea Falcon,Refuted by the article: Boris Volkov controls Sea Falcon,The ship that never docked,the-article,2,refuted,,The story that Boris Volkov secretly controls/,
      ),
    );
    expect(claims).toContainEqual(
      expect.stringMatching(
        /^mercer-met-volkov,\d+,.*,the-article,2,claim,Boris Volkov,Boris Volkov claims that he met/,
      ),
    );
    const sources = strFromU8(files['sources.csv']!).split('\r\n').filter(Boolean);
    expect(sources.slice(1).map((row) => row.split(',').slice(0, 2))).toEqual([
      ['1', 'the-report'],
      ['2', 'the-article'],
    ]);
  });

  it('the connection finder takes a step on the memo’s allegation, and shows and copies both sources’ voices', async () => {
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const panel = page.getByTestId('paths-panel');
    await panel.getByRole('combobox', { name: 'From: search entities' }).fill('Boris Volkov');
    await page.keyboard.press('Enter');
    await panel.getByRole('combobox', { name: 'To: search entities' }).fill('Sea Falcon');
    await page.keyboard.press('Enter');
    await panel
      .getByRole('combobox', { name: 'Weakest status allowed on every step' })
      .selectOption('allegation');
    const first = panel.locator('.path-card').first();
    await first.locator('.narrative-step').first().waitFor();
    // One source alleges what another refutes: the allegation is firm enough for "Allegation or firmer".
    expect(await first.locator('.narrative-step').count()).toBe(1);
    await expect(first.locator('.step-sentence').textContent()).resolves.toBe(
      'Refuted: Boris Volkov — controls → Sea Falcon',
    );
    await expect(first.locator('.step-voices').textContent()).resolves.toBe(
      'Alleged by Kestrel memo; refuted by the article',
    );
    const cited = await first
      .locator('.step-evidence')
      .evaluateAll((figures) =>
        figures.map((f) => [f.getAttribute('data-source-id'), f.getAttribute('data-status')]),
      );
    expect(cited).toEqual([
      ['the-report', 'allegation'],
      ['the-article', 'refuted'],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'two-sources-path.png') });

    await first.getByRole('button', { name: 'Copy' }).click();
    await page.waitForFunction(() =>
      window.threadline!.getState().notices.some((n) => /copied/i.test(n.text)),
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('1. Refuted: Boris Volkov — controls → Sea Falcon');
    expect(copied).toContain('   Alleged by Kestrel memo; refuted by the article');
    expect(copied).toContain(
      '“The story that Boris Volkov secretly controls the Sea Falcon has been widely debunked” — Refuted [2]',
    );
    expect(copied).toContain(`Sources:\n[1] ${REPORT}\n[2] ${ARTICLE}`);
  });
});
