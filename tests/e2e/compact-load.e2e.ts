import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeCompact } from '../../src/model/format/compact/encode';
import { articleBundle } from '../unit/fixtures';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

// The article, published the way a large dataset is: a compact index the explorer opens on, and the
// evidence document it reads afterwards.
const ID = 'article-compact';
const bundle = articleBundle();
const files = encodeCompact({ ...bundle, dataset: { ...bundle.dataset, id: ID } });
const ERIC_QUOTE = 'We don’t depend on American banks';
const eric = bundle.relations.find(
  (r) =>
    r.source === 'eric-trump' &&
    r.evidence.some((q) => bundle.quotes.find((x) => x.id === q)?.exact.includes(ERIC_QUOTE)),
)!;

type Json = ReturnType<typeof encodeCompact>;

/**
 * Lists the dataset and serves its two files; the evidence waits until the returned function is called,
 * so the test can look at the explorer before its quotes have arrived.
 */
async function serveCompact(page: Page, tamper: (files: Json) => unknown = (f) => f): Promise<() => void> {
  const served = JSON.parse(JSON.stringify(files)) as Json;
  tamper(served);
  await page.route('**/datasets/index.json', (route) =>
    route.fulfill({
      json: [
        {
          id: ID,
          title: bundle.dataset.title,
          file: `datasets/${ID}.json`,
          evidence: `datasets/${ID}.evidence.json`,
          entities: bundle.entities.length,
          relations: bundle.relations.length,
        },
      ],
    }),
  );
  await page.route(`**/datasets/${ID}.json`, (route) => route.fulfill({ json: served.index }));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/datasets/${ID}.evidence.json`, async (route: Route) => {
    await released;
    await route.fulfill({ json: served.evidence });
  });
  return release;
}

const explorerReady = (page: Page) =>
  page.waitForFunction(() => (window.threadline?.cy?.nodes().length ?? 0) > 0, undefined, {
    timeout: 30_000,
  });

describe('a compact dataset', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('opens on its index, searchable and expandable, and shows quotes once the evidence arrives', async () => {
    const page = await (await newContext(browser!)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const release = await serveCompact(page);
    await page.goto(`${inject('baseUrl')}?dataset=${ID}`);
    await explorerReady(page);

    // Search and expand work on the index alone.
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('Eric');
    await page
      .getByRole('option', { name: /Eric Trump/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.threadline!.getState().selection?.id === 'eric-trump');
    const grown = await page.evaluate((target) => {
      const t = window.threadline!;
      const before = t.getState().view.visible.size;
      t.actions.expand('eric-trump');
      const { visible } = t.getState().view;
      return { before, after: visible.size, target: visible.has(target) };
    }, eric.target);
    expect(grown.after).toBeGreaterThan(grown.before);
    expect(grown.target).toBe(true);
    await page.evaluate((id) => window.threadline!.actions.selectRelation(id), eric.id);
    const panel = page.locator('.relation-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('evidence-loading').isVisible()).toBe(true);
    expect(await panel.locator('blockquote').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'compact-evidence-loading.png') });

    release();
    await panel.locator('blockquote', { hasText: ERIC_QUOTE }).waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('evidence-loading').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'compact-evidence-arrived.png') });
    // The quote shown is the source's own text at its offsets: the compact files keep no copy to drift.
    const shown = await page.evaluate((id) => {
      const m = window.threadline!.getState().model!;
      const q = m.quotes.get(m.relations.get(id)!.evidence[0]!)!;
      return { exact: q.exact, slice: m.sources.get(q.sourceId)!.text.slice(q.start, q.end) };
    }, eric.id);
    expect(shown.exact).toBe(shown.slice);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a tampered index with the problem and where it is', async () => {
    const page = await (await newContext(browser!)).newPage();
    await serveCompact(page, (f) => ((f.index.relations.source as number[])[7] = 99_999));
    await page.goto(`${inject('baseUrl')}?dataset=${ID}`);
    const problems = page.locator('.problem-list');
    await problems.waitFor({ timeout: 30_000 });
    expect(await problems.textContent()).toContain(`datasets/${ID}.json /relations/source/7`);
    await page.close();
  });

  it('keeps the explorer when the evidence is broken, and says which quote and file', async () => {
    const page = await (await newContext(browser!)).newPage();
    const release = await serveCompact(page, (f) => (f.evidence.quotes.end[3] = 10_000_000));
    release();
    await page.goto(`${inject('baseUrl')}?dataset=${ID}`);
    await explorerReady(page);
    const notice = page.locator('.notice', { hasText: 'evidence of this dataset could not be loaded' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain(`datasets/${ID}.evidence.json /quotes/end/3`);
    expect(await page.evaluate(() => window.threadline!.getState().view.visible.size)).toBeGreaterThan(0);
    await page.close();
  });
});
