/**
 * Redraws the README's two images from the built app in headless Chromium: the explorer showing Eric Trump's
 * claimed funding from Russia with its quote, and a PNG export of his neighbourhood. Tests never write
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

/** Eric Trump and his neighbours, exported at 2× with the legend and numbered citations. */
async function exportExample(page: Page, path: string): Promise<void> {
  await showNeighbourhood(page, 'eric-trump');
  await settled(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'Export' });
  await menu.getByRole('radio', { name: '2×' }).check();
  await menu.getByRole('checkbox', { name: 'Legend' }).check();
  await menu.getByRole('checkbox', { name: 'Numbered citations' }).check();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  await file.saveAs(path);
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
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    console.log(`wrote ${resolve(IMAGES, 'explorer.png')} and ${resolve(IMAGES, 'export-example.png')}`);
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
