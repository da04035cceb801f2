/**
 * A server dataset's long sources arrive as the windows their quotes need, not whole (the bundled article's
 * two sources, 10 and 22 KB, are both past what the server sends whole): the evidence panel shows a quote in
 * its sentence from what is held, the reader fetches the whole text it shows (saying so meanwhile, and why
 * when the server is gone), and the bundle export fetches the texts it carries and validates.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { exportFiles } from './export-downloads';
import { openApp, waitSettled } from './app-page';
import { servedPage } from './threadline-server';

const served = servedPage('server-windows', [], { open: true });
const errors = served.errors;
let page: Page;
const downloads = served.downloads;

beforeAll(() => {
  page = served.page();
});

/** A source's whole text as the server holds it, read a page at a time through the API. */
const serverText = (sourceId: string) =>
  page.evaluate(async (id) => {
    let text = '';
    for (;;) {
      const res = await fetch(
        `/api/datasets/trump-putin/sources/${encodeURIComponent(id)}/text?start=${text.length}&end=${text.length + 100000}`,
      );
      const page = (await res.json()) as { text: string; length: number };
      text += page.text;
      if (text.length >= page.length || page.text === '') return text;
    }
  }, sourceId);

/** A drawn relation whose first quote's source the explorer holds only as windows. */
const windowedRelation = () =>
  page.evaluate(() => {
    const s = window.threadline!.getState();
    const model = s.model!;
    for (const r of s.view.visible.size > 0 ? model.relations.values() : []) {
      const quote = model.quotes.get(r.evidence[0]!);
      const source = quote && model.sources.get(quote.sourceId);
      if (quote && source?.held && s.view.visible.has(r.source) && s.view.visible.has(r.target))
        return { relation: r.id, quote: quote.id, exact: quote.exact, source: source.id, start: quote.start };
    }
    return null;
  });

describe('windows of long sources on a server dataset', () => {
  it('holds a long source as windows, and shows a quote in its sentence in the evidence panel', async () => {
    const found = await windowedRelation();
    expect(found).not.toBeNull();
    const { relation, exact, source, start } = found!;
    await page.evaluate((id) => window.threadline!.actions.selectRelation(id), relation);
    const item = page.getByTestId('inspector').locator('.evidence').first();
    await item.locator('.evidence-context').waitFor();
    const context = (await item.locator('.evidence-context').textContent())!.replace(/^…|…$/g, '');
    const whole = await serverText(source);
    // The context is the source's own text around the quote, verbatim at its place.
    const at = context.indexOf(exact);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(whole.slice(start - at, start - at + context.length)).toBe(context);
    expect(context.length).toBeGreaterThan(exact.length);
  });

  it('opens the reader on a windowed source: it says it is loading, then shows the whole text', async () => {
    const { source } = (await windowedRelation())!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/sources/*/text?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate((id) => window.threadline!.actions.openReader(id), source);
    const reader = page.getByTestId('source-reader');
    await reader
      .getByRole('status')
      .filter({ hasText: 'Loading the source’s text from the server…' })
      .waitFor();
    release();
    const whole = await serverText(source);
    await page.waitForFunction(
      (n) => (document.querySelector('.reader-body')?.textContent ?? '').length === n,
      whole.length,
    );
    await page.unroute('**/sources/*/text?*');
    expect(await reader.locator('.reader-body').textContent()).toBe(whole);
    expect(await reader.locator('mark').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Close source reader' }).click();
  });

  it('says why the reader cannot show a text when the server is gone, and shows it once it is back', async () => {
    // A source still held as windows: the other one, or a fresh page's.
    await openApp(page, served.server().base);
    await waitSettled(page);
    const { source } = (await windowedRelation())!;
    await page.route('**/sources/*/text?*', (route) => route.abort('connectionrefused'));
    await page.evaluate((id) => window.threadline!.actions.openReader(id), source);
    const reader = page.getByTestId('source-reader');
    await reader.getByRole('alert').filter({ hasText: 'The server is unavailable' }).waitFor();
    await page.unroute('**/sources/*/text?*');
    await reader.getByRole('button', { name: 'Try again' }).click();
    const whole = await serverText(source);
    await page.waitForFunction(
      (n) => (document.querySelector('.reader-body')?.textContent ?? '').length === n,
      whole.length,
    );
    await page.getByRole('button', { name: 'Close source reader' }).click();
  });

  it('exports the view as a bundle with whole texts, fetched first, that validates', async () => {
    await openApp(page, served.server().base);
    await waitSettled(page);
    const windowed = await page.evaluate(() =>
      [...window.threadline!.getState().model!.sources.values()].filter((s) => s.held).map((s) => s.id),
    );
    expect(windowed.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    // Every status the menu shows, as it shows it.
    await menu.getByRole('status').evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { statuses: string[] }).statuses = seen;
      new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const [file] = await exportFiles(page, menu, 'Bundle (.json)', downloads);
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
    expect(statuses).toContainEqual(
      expect.stringMatching(/^Fetching the source texts from the server… \d+% of \d+ KB$/),
    );
    const text = file!.bytes.toString('utf8');
    const { bundle, problems } = validateBundleText(text, file!.name);
    // As npm run validate: errors fail it; the dataset's own warnings (an unattributed allegation) stay.
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(bundle!.sources.length).toBeGreaterThan(0);
    for (const s of bundle!.sources) expect(s.text, s.id).toBe(await serverText(s.id));
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
