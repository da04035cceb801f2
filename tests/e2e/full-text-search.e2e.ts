import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openApp, sharedAppPage } from './app-page';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

/** Finding by what was said: the search box lists quotes, source text, notes and descriptions under the entities. */
describe('full-text search', () => {
  const page = sharedAppPage();
  const box = () => page().getByRole('combobox', { name: 'Search entities and quotes' });
  const passages = () => page().getByRole('listbox', { name: 'Said in the sources' }).getByRole('option');

  it('"golf" lists Eric Trump’s quote; Enter on it opens the relation it supports and the quote in the reader', async () => {
    await box().fill('golf');
    await passages().first().waitFor();
    await expect(passages().first().textContent()).resolves.toMatch(/Quote.*golf courses/);
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().screenshot({ path: join(ARTIFACTS, 'full-text-golf.png') });
    // The passages come after the entities (an event is about golf courses): arrow down to the quote.
    const entities = await page()
      .getByRole('listbox', { name: 'Matching entities' })
      .getByRole('option')
      .count();
    for (let i = 0; i < entities; i++) await box().press('ArrowDown');
    await box().press('Enter');
    const selection = await page().evaluate(() => window.threadline!.getState().selection);
    expect(selection?.kind).toBe('relation');
    const cites = await page().evaluate(
      (id) =>
        window
          .threadline!.getState()
          .model!.relations.get(id)!
          .evidence.map((q) => q),
      selection!.id,
    );
    expect(cites).toContain('q-eric');
    await expect(
      page()
        .getByTestId('inspector')
        .locator('blockquote')
        .allTextContents()
        .then((t) => t.join(' ')),
    ).resolves.toContain('golf courses');
    const focused = page().getByTestId('source-reader').locator('mark.is-focused');
    await focused.first().waitFor();
    await expect(focused.allTextContents().then((t) => t.join(''))).resolves.toContain('golf courses');
  });

  it('a word only the source text has opens the reader on that paragraph, painted', async () => {
    const word = await page().evaluate(() => {
      const m = window.threadline!.getState().model!;
      const source = [...m.sources.values()][0]!;
      const said = [
        ...[...m.quotes.values()].map((q) => q.exact),
        ...[...m.entities.values()].map((e) => e.description),
        ...[...m.relations.values()].map((r) => r.note ?? ''),
      ]
        .join(' ')
        .toLowerCase();
      return [...new Set(source.text.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? [])].find(
        (w) =>
          !said.includes(w.slice(0, 6)) &&
          ![...m.entities.values()].some((e) => e.name.toLowerCase().includes(w)),
      )!;
    });
    expect(word).toBeTruthy();
    await box().fill(word);
    await passages().first().waitFor();
    await expect(passages().first().textContent()).resolves.toMatch(/^Source text/);
    await passages().first().click();
    const painted = await page().waitForFunction(() => {
      const h = CSS.highlights.get('threadline-found');
      return h ? [...h][0]!.toString() : null;
    });
    expect(String(await painted.jsonValue()).toLowerCase()).toContain(word);
  });

  it('a hostile query is words, not markup', async () => {
    await box().fill('<img src=x onerror="window.__pwned=1"> qqzzxx');
    await page().locator('.search-popup').waitFor();
    expect(await page().locator('.search-popup img').count()).toBe(0);
    await box().fill('qqzzxx');
    await page().getByText('Nothing matches “qqzzxx”').waitFor();
    expect(await page().evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('the phone layout shows the results in the width of the screen', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await box().fill('dossier');
    await passages().first().waitFor();
    const popup = await page().locator('.search-popup').boundingBox();
    expect(popup!.x).toBeGreaterThanOrEqual(0);
    expect(popup!.x + popup!.width).toBeLessThanOrEqual(390);
    // The reader the previous test opened is a sheet over the page here; the results lie over it.
    const onTop = await page().evaluate(
      ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.search-popup'),
      {
        x: popup!.x + popup!.width / 2,
        y: popup!.y + 12,
      },
    );
    expect(onTop).toBe(true);
    await page().screenshot({ path: join(ARTIFACTS, 'full-text-phone.png') });
    await box().fill('');
    await page().setViewportSize({ width: 1440, height: 900 });
  });
});

describe('full-text search in a worker', () => {
  const page = sharedAppPage('?search=worker');

  it('answers from the worker the same way', async () => {
    const box = page().getByRole('combobox', { name: 'Search entities and quotes' });
    await box.fill('golf');
    const option = page().getByRole('listbox', { name: 'Said in the sources' }).getByRole('option').first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('golf courses');
  });
});

describe('full-text search while its worker is still getting ready', () => {
  let browser: Browser | undefined;
  afterAll(async () => browser?.close());

  it('says the sources are being searched, not that nothing matches, until the answer comes', async () => {
    browser = await launchBrowser();
    const p = await (await newContext(browser)).newPage();
    // Hold the worker's script, as a large dataset's index build holds the answer, then let it go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/passage-search.worker*', async (route) => {
      await held;
      await route.continue();
    });
    await openApp(p, inject('baseUrl'), '?search=worker');
    const box = p.getByRole('combobox', { name: 'Search entities and quotes' });
    // A word the sources hold but no entity's name: the entity group is empty.
    await box.fill('reasonable');
    const popup = p.locator('.search-popup');
    await expect.poll(() => popup.textContent()).toContain('Searching what the sources say');
    expect(await popup.textContent()).not.toContain('Nothing matches');
    release();
    const option = p.getByRole('listbox', { name: 'Said in the sources' }).getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toMatch(/reasonable/i);
    expect(await popup.textContent()).not.toContain('Searching what the sources say');
  });
});
