import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from './app-page';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

/**
 * Stands in for the browser's answer to navigator.storage.persist(), counting the calls: headless
 * Chromium decides by heuristics this test cannot set.
 */
function stubPersist(granted: boolean): void {
  const calls = { persist: 0 };
  (window as { persistCalls?: typeof calls }).persistCalls = calls;
  let persisted = false;
  Object.defineProperty(navigator.storage, 'persisted', { value: () => Promise.resolve(persisted) });
  Object.defineProperty(navigator.storage, 'persist', {
    value: () => {
      calls.persist++;
      persisted = granted;
      return Promise.resolve(granted);
    },
  });
}

describe('the browser is asked to keep the drafts, and the workspace says whether it will', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  async function openWith(granted: boolean): Promise<Page> {
    const context = await newContext(browser!, 1280, 800);
    await context.addInitScript(stubPersist, granted);
    const page = await context.newPage();
    await openApp(page, inject('baseUrl'));
    return page;
  }
  const persistCalls = (page: Page) =>
    page.evaluate(() => (window as { persistCalls?: { persist: number } }).persistCalls!.persist);

  it('asks once, when the first draft is saved, and says the storage is persistent', async () => {
    const page = await openWith(true);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    // Nothing of the author's yet: nothing to ask for.
    expect(await persistCalls(page)).toBe(0);
    await page.getByRole('button', { name: 'New dataset' }).click();
    const status = page.getByTestId('save-status');
    await status.filter({ hasText: 'storage is persistent' }).waitFor();
    expect(await status.textContent()).toMatch(/^Saved in this browser at .+; storage is persistent$/);
    await page.screenshot({ path: join(ARTIFACTS, 'build-storage-persistent.png') });
    // Another edit saves again without asking again.
    await page.evaluate(() =>
      window.threadline!.actions.editDraft((d) => ({
        ok: true,
        id: d.dataset.id,
        draft: { ...d, dataset: { ...d.dataset, title: 'Renamed' } },
      })),
    );
    await expect
      .poll(() => page.evaluate(() => window.threadline!.io.listDrafts().then((l) => l.map((d) => d.title))))
      .toContain('Renamed');
    expect(await persistCalls(page)).toBe(1);
    await page.context().close();
  });

  it('says so when the browser keeps the drafts only as long as it has room', async () => {
    const page = await openWith(false);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await page.getByRole('button', { name: 'New dataset' }).click();
    const status = page.getByTestId('save-status');
    await status.filter({ hasText: 'may clear it' }).waitFor();
    expect(await status.textContent()).toMatch(
      /the browser may clear it if space runs low: export a zip to keep it$/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'build-storage-best-effort.png') });
    expect(await persistCalls(page)).toBe(1);
    await page.context().close();
  });
});
