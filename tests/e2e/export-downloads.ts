/**
 * Exports from the Export menu with every file they download: an image whose evidence continues has further
 * pages, downloaded with it, which a test waiting for one download would take for the next export's file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Saved {
  name: string;
  path: string;
  bytes: Buffer;
}

/** Clicks `button` in the open Export `menu` and waits for every file its status names, saved into `dir`, first page first. */
export async function exportFiles(page: Page, menu: Locator, button: string, dir: string): Promise<Saved[]> {
  const files: Download[] = [];
  const onDownload = (d: Download) => void files.push(d);
  page.on('download', onDownload);
  let named: string[];
  try {
    await menu.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => menu.getByRole('status').textContent()).toMatch(/^Saved /);
    const status = (await menu.getByRole('status').textContent())!;
    named = status.match(/[\w.-]+\.(?:png|svg|json|graphml|gexf|zip|html)\b/g) ?? [];
    // Chromium reports a download after the page has started it; the status says "Saved" as the page starts
    // it. Under load a zip's download event came more than the poll's default second later.
    await expect.poll(() => files.length, { timeout: 15_000 }).toBe(named.length);
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
