import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from './app-page';
import { ARTIFACTS, launchBrowser } from './chromium';

/** The Export dialog on a phone, opened from the top bar's Menu. */
describe('the Export dialog at 390×844', () => {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    page = await context.newPage();
    await openApp(page, inject('baseUrl'));
  });
  afterAll(async () => browser?.close());

  it('is a sheet over the menu that opened it, every control inside the screen, and Close gives focus back to Export', async () => {
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'export-dialog-390x844.png') });
    const layout = await dialog.evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      const controls = [...panel.querySelectorAll('button, input, select')].map((c) => {
        const r = c.getBoundingClientRect();
        return { left: r.left, right: r.right, height: r.height };
      });
      // Each of the menu's buttons behind the sheet is covered whole or not at all: none is cut in half.
      const halfCovered = [...document.querySelectorAll('.toolbar button')]
        .filter((b) => !panel.contains(b))
        .filter((b) => {
          const r = b.getBoundingClientRect();
          if (r.width === 0) return false;
          const under = (y: number) => panel.contains(document.elementFromPoint(r.left + r.width / 2, y));
          return under(r.top + 2) !== under(r.bottom - 2);
        })
        .map((b) => b.textContent);
      return {
        box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        controls,
        halfCovered,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(390);
    expect(layout.box.left).toBeGreaterThanOrEqual(0);
    expect(layout.box.right).toBeLessThanOrEqual(390);
    expect(layout.box.top).toBeGreaterThanOrEqual(0);
    expect(layout.box.bottom).toBeLessThanOrEqual(844);
    for (const c of layout.controls) {
      expect(c.left).toBeGreaterThanOrEqual(layout.box.left);
      expect(c.right).toBeLessThanOrEqual(layout.box.right);
      // No button or field stretched to fill a tall sheet.
      expect(c.height).toBeLessThan(48);
    }
    // The sheet covers the menu whole, rather than its last row (Open…, Export) half.
    expect(layout.halfCovered).toEqual([]);
    // The page texts are there for "Fit the drawing" too, the default size.
    await expect.poll(() => dialog.getByLabel('Size').inputValue()).toBe('drawing');
    await dialog.getByLabel('Headline').fill('A headline on a phone');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export');
  });
});
