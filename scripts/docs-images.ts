/**
 * Redraws the README's three images from the built app in headless Chromium: the explorer showing Eric Trump's
 * claimed funding from Russia with its quote, a PNG export of his neighbourhood, and the Build workspace
 * citing a denial in a pasted text. Tests never write
 * them, so a test run leaves the repository as it was; run this (`npm run docs:images`) when the look changes.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { showNeighbourhood } from './app-views';
import { launchBrowser, newContext } from './chromium';

const ROOT = resolve(import.meta.dirname, '..');
const IMAGES = resolve(ROOT, 'docs', 'images');

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.threadline?.settled() === true);
}

/** Search, expand and select as a reader would, ending on the relation's quote in the inspector. */
async function explorer(page: Page, path: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill('Eric');
  await page
    .getByRole('option', { name: /Eric Trump/ })
    .first()
    .waitFor();
  await box.press('Enter');
  await page.waitForFunction(() => window.threadline!.cy!.$id('eric-trump').nonempty());
  // Russia comes back with the expansion, placed beside Eric Trump.
  await page.evaluate(() => window.threadline!.actions.hide(['russia']));
  await settled(page);
  await page.evaluate(() => window.threadline!.actions.expand('eric-trump'));
  await page.waitForFunction(() => window.threadline!.cy!.$id('russia').nonempty());
  await settled(page);
  await page.evaluate(() => {
    const t = window.threadline!;
    const m = t.getState().model!;
    const claim = [...m.relations.values()].find(
      (r) =>
        r.source === 'eric-trump' &&
        r.target === 'russia' &&
        r.evidence.some((q) => m.quotes.get(q)!.exact.includes('American banks')),
    );
    if (!claim) throw new Error('the dataset no longer has Eric Trump’s “American banks” quote');
    t.actions.selectRelation(claim.id);
  });
  await page.getByTestId('inspector').locator('blockquote').first().waitFor();
  // The picture is of the graph and its evidence, not of a search box still holding the focus.
  await box.blur();
  await settled(page);
  await page.screenshot({ path });
}

/** Eric Trump and his neighbours, fitted at 2× with a headline, the legend and numbered citations. */
async function exportExample(page: Page, path: string): Promise<void> {
  await showNeighbourhood(page, 'eric-trump');
  await settled(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'Export' });
  await menu.getByRole('radio', { name: '2×' }).check();
  await menu.getByRole('checkbox', { name: 'Legend' }).check();
  await menu.getByRole('checkbox', { name: 'Numbered citations' }).check();
  await menu.getByLabel('Headline').fill('Eric Trump and the money from Russia');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  await file.saveAs(path);
}

const NOTES = [
  'Anna Berg, a Norwegian lawyer, met Carl Dahl in Oslo on 12 March 2021.',
  'Carl Dahl later denied that he had paid Anna Berg.',
  '“I never paid her,” Dahl told reporters.',
  'Nordic Bank hired Carl Dahl as an adviser in 2020.',
  'Anna Berg works for Nordic Bank.',
].join(' ');

/** Selects a passage of the Build reader's text, as a mouse drag would. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.evaluate((passage) => {
    const root = document.querySelector('[data-testid="build-text"]')!;
    const start = root.textContent!.indexOf(passage);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (start >= seen && start <= seen + len) range.setStart(n, start - seen);
      if (start + passage.length <= seen + len) {
        range.setEnd(n, start + passage.length - seen);
        break;
      }
      seen += len;
    }
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, passage);
  await page.getByRole('button', { name: 'Cite as evidence' }).click();
}

/** A new dataset from pasted notes: three mentions accepted, one relation cited, a denial being cited. */
async function buildWorkspace(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await page.getByRole('button', { name: 'New dataset' }).click();
  await page.getByLabel('Dataset title').fill('Oslo notes');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('button', { name: 'Add a source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await dialog.getByLabel('Text', { exact: true }).fill(NOTES);
  await dialog.getByLabel('Title', { exact: true }).fill('Interview notes');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('tab', { name: 'Mentions' }).click();
  for (const name of ['Anna Berg', 'Carl Dahl', 'Nordic Bank']) {
    const row = page
      .getByRole('list', { name: 'Mentions' })
      .locator('li', { has: page.locator('.build-name', { hasText: new RegExp(`^${name}$`) }) });
    await row.getByRole('button', { name: 'Accept' }).click();
    await row.waitFor({ state: 'detached' });
  }
  await page.getByRole('tab', { name: 'Read' }).click();
  await selectPassage(page, 'Anna Berg works for Nordic Bank.');
  const form = page.getByRole('form', { name: 'Cite as evidence' });
  await form.getByLabel('Label (A … B)').fill('works for');
  await form.getByLabel('Inverse (B … A)').fill('employs');
  await form.getByRole('button', { name: 'Add relation' }).click();
  await form.waitFor({ state: 'detached' });
  await selectPassage(page, 'Carl Dahl later denied that he had paid Anna Berg.');
  await form.getByLabel('Label (A … B)').fill('paid');
  await form.getByLabel('Inverse (B … A)').fill('was paid by');
  // The notices of the steps above fade; the picture is of the workspace, not of them.
  await page.evaluate(() => {
    const t = window.threadline!;
    for (const n of t.getState().notices) t.actions.dismissNotice(n.id);
  });
  await settled(page);
  await page.screenshot({ path });
}

async function main(): Promise<void> {
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const browser = await launchBrowser();
  try {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('the preview server has no port');
    const page = await (await newContext(browser)).newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForFunction(() => (window.threadline?.getState().positions.size ?? 0) > 0);
    await settled(page);
    mkdirSync(IMAGES, { recursive: true });
    await explorer(page, resolve(IMAGES, 'explorer.png'));
    await exportExample(page, resolve(IMAGES, 'export-example.png'));
    // A context of its own: the workspace starts from a browser with no saved draft.
    const building = await (await newContext(browser, 1440, 900)).newPage();
    building.setDefaultTimeout(60_000);
    building.on('pageerror', (e) => errors.push(String(e)));
    await building.goto(`http://127.0.0.1:${address.port}/`);
    await building.waitForFunction(() => (window.threadline?.getState().positions.size ?? 0) > 0);
    await settled(building);
    await buildWorkspace(building, resolve(IMAGES, 'build.png'));
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    console.log(`wrote explorer.png, export-example.png and build.png in ${IMAGES}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  // Playwright's messages run to several lines (a call log); the first says what failed.
  const message = err instanceof Error ? err.message : String(err);
  console.error(`docs:images: ${message.split('\n')[0]}`);
  process.exit(1);
});
