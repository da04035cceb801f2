/**
 * Exports from the Export menu with every file they download: an image whose evidence continues has further
 * pages, downloaded with it, which a test waiting for one download would take for the next export's file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { MAX_SEPARATE_PAGES } from '../../src/features/export/page-files';

export interface Saved {
  name: string;
  path: string;
  bytes: Buffer;
}

/**
 * Chromium drops a page's downloads past ten a second, silently (measured on this machine's Chromium: ten
 * downloads, then an eleventh 900 ms later is dropped and one 1,000 ms later is not). A person exporting from a
 * menu never comes near it; a test exporting back to back does, so each export waits until the downloads of
 * the last second leave room for the most one export brings.
 */
const DOWNLOADS_PER_SECOND = 10;
const seen = new WeakMap<Page, number[]>();

function downloadTimes(page: Page): number[] {
  let times = seen.get(page);
  if (!times) {
    const list: number[] = [];
    page.on('download', () => void list.push(Date.now()));
    seen.set(page, list);
    times = list;
  }
  return times;
}

async function roomForAnExport(page: Page): Promise<void> {
  const times = downloadTimes(page);
  const inLastSecond = () => times.filter((t) => Date.now() - t < 1_100).length;
  while (inLastSecond() > DOWNLOADS_PER_SECOND - MAX_SEPARATE_PAGES) await page.waitForTimeout(50);
}

/** Clicks `button` in the open Export `menu` and waits for every file its status names, saved into `dir`, first page first. */
export async function exportFiles(page: Page, menu: Locator, button: string, dir: string): Promise<Saved[]> {
  await roomForAnExport(page);
  const files: Download[] = [];
  const onDownload = (d: Download) => void files.push(d);
  page.on('download', onDownload);
  let named: string[];
  try {
    await menu.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => menu.getByRole('status').textContent()).toMatch(/^Saved /);
    const status = (await menu.getByRole('status').textContent())!;
    named = status.match(/[\w.-]+\.(?:png|svg|json|graphml|gexf|zip|html)\b/g) ?? [];
    // Chromium reports a download some time after the page has started it.
    await expect
      .poll(() => files.length, {
        timeout: 15_000,
        message: `"${button}": downloads reported for the status "${status}"`,
      })
      .toBe(named.length);
  } finally {
    page.off('download', onDownload);
  }
  expect(files.map((f) => f.suggestedFilename())).toEqual(named);
  return Promise.all(
    files.map(async (f) => {
      const path = join(dir, f.suggestedFilename());
      await f.saveAs(path);
      return { name: f.suggestedFilename(), path, bytes: readFileSync(path) };
    }),
  );
}
