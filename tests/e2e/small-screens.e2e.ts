import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from './app-page';
import { ARTIFACTS, launchBrowser } from './chromium';

/** What a person sees of the page's layout: sideways scroll, the graph's share of the screen, the title. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const canvas = window.threadline!.cy!.container()!.getBoundingClientRect();
    const title = document.querySelector<HTMLElement>('.dataset-title')!;
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    const heading = document.querySelector('h1')!.getBoundingClientRect();
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      canvas: { width: canvas.width, height: canvas.height },
      title: { scrollWidth: title.scrollWidth, clientWidth: title.clientWidth, shown: title.clientWidth > 0 },
      headingInBar: heading.top >= bar.top && heading.bottom <= bar.bottom,
    };
  });
}

const SIZES = [
  { width: 1440, height: 900, phone: false },
  { width: 1280, height: 720, phone: false },
  { width: 1024, height: 768, phone: false },
  { width: 390, height: 844, phone: true },
  { width: 320, height: 480, phone: true },
];

describe('the layout from desktop to phone', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      let page: Page;
      beforeAll(async () => {
        const context = await browser!.newContext({
          viewport: { width: size.width, height: size.height },
          hasTouch: size.phone,
          isMobile: size.phone,
        });
        page = await context.newPage();
        await openApp(page, inject('baseUrl'));
      });
      afterAll(async () => page.context().close());

      it('fits the page, keeps most of the screen for the graph and shows the whole title', async () => {
        const m = await measure(page);
        await page.screenshot({ path: join(ARTIFACTS, `layout-${size.width}x${size.height}.png`) });
        expect(m.pageWidth, 'no sideways scrolling').toBeLessThanOrEqual(m.viewport.width);
        // Phones: the whole width (panels are sheets over it); wider screens share it with the inspector.
        const widthShare = size.phone ? 0.95 : 0.6;
        expect(m.canvas.width).toBeGreaterThanOrEqual(m.viewport.width * widthShare);
        expect(m.canvas.height).toBeGreaterThanOrEqual(m.viewport.height * 0.6);
        expect(m.title.shown).toBe(true);
        expect(m.title.scrollWidth).toBeLessThanOrEqual(m.title.clientWidth);
        expect(m.headingInBar, 'the name and title stay inside the top bar').toBe(true);
      });

      it('reaches every command, through the menu where the top bar is too narrow', async () => {
        const filters = page.getByRole('button', { name: 'Filters' });
        if (size.width < 1240) {
          expect(await filters.isVisible()).toBe(false);
          await page.getByRole('button', { name: 'Menu' }).click();
        }
        await filters.click();
        await page.getByTestId('filters-panel').waitFor();
        const panel = await page.getByTestId('filters-panel').boundingBox();
        expect(panel!.x).toBeGreaterThanOrEqual(0);
        expect(panel!.x + panel!.width).toBeLessThanOrEqual(size.width);
        await page.screenshot({ path: join(ARTIFACTS, `filters-${size.width}x${size.height}.png`) });
        await page.keyboard.press('Escape');
        await page.getByTestId('filters-panel').waitFor({ state: 'detached' });
        expect((await measure(page)).pageWidth).toBeLessThanOrEqual(size.width);
      });

      it('selects a node tapped or clicked on the graph', async () => {
        await page.waitForFunction(() => {
          const cy = window.threadline!.cy!;
          return !cy.animated() && cy.$('.is-awaiting-layout').empty();
        });
        const at = await page.evaluate(() => window.threadline!.pagePosition('vladimir-putin'));
        if (size.phone) await page.touchscreen.tap(at!.x, at!.y);
        else await page.mouse.click(at!.x, at!.y);
        await page.waitForFunction(() => window.threadline!.getState().selection?.id === 'vladimir-putin');
        const inspector = page.getByTestId('inspector');
        await expect(inspector.locator('h2').textContent()).resolves.toBe('Vladimir Putin');
        expect(await inspector.isVisible()).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `selected-${size.width}x${size.height}.png`) });
      });

      it('fits the page with filters, the source reader, the list and the inspector open at once', async () => {
        await page.evaluate(() => {
          const a = window.threadline!.actions;
          a.selectEntity('eric-trump');
          a.setSidePanel('filters');
          a.setListOpen(true);
          a.openReader('trump-putin-worldcrunch');
        });
        await page.locator('.reader').waitFor();
        await page.locator('.list-view').waitFor();
        const m = await measure(page);
        await page.screenshot({ path: join(ARTIFACTS, `all-open-${size.width}x${size.height}.png`) });
        expect(m.pageWidth, 'no sideways scrolling').toBeLessThanOrEqual(m.viewport.width);
        // The reader and list lie over the graph rather than squeezing it to a sliver.
        if (!size.phone) expect(m.canvas.width).toBeGreaterThanOrEqual(m.viewport.width * 0.25);
        const reader = await page.locator('.reader').boundingBox();
        expect(reader!.x).toBeGreaterThanOrEqual(0);
        expect(reader!.x + reader!.width).toBeLessThanOrEqual(size.width);
        await page.evaluate(() => {
          const a = window.threadline!.actions;
          a.closeReader();
          a.setListOpen(false);
          a.setSidePanel(null);
        });
      });
    });
  }
});
