/** Page helpers for e2e tests: open the app, wait until the default view is drawn, read the canvas via window.threadline. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

export async function openApp(page: Page, baseUrl: string, query = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseUrl + query);
  await page.waitForFunction(() => {
    const t = window.threadline;
    return !!t?.cy && t.cy.nodes().length > 0 && t.getState().view.positions.size > 0;
  });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`);
}

/** Ids of the entity nodes Cytoscape is drawing. */
export async function drawnEntityIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.threadline!.cy!.nodes('[kind = "entity"]').map((n) => n.id()));
}

/** Clicks an element where Cytoscape draws it on screen. */
export async function clickElement(
  page: Page,
  id: string,
  options: { double?: boolean } = {},
): Promise<void> {
  // Let any pan/zoom animation settle so the position we read is where it stays.
  await page.waitForFunction(() => !window.threadline!.cy!.animated());
  const p = await page.evaluate((elId) => window.threadline!.pagePosition(elId), id);
  if (!p) throw new Error(`element ${id} is not drawn`);
  if (options.double) await page.mouse.dblclick(p.x, p.y);
  else await page.mouse.click(p.x, p.y);
}

/**
 * One browser and one opened app shared by the tests of a describe block (launching Chromium is the slow
 * part). Call it inside `describe`; the returned function gives the page.
 */
export function sharedAppPage(query = ''): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    await openApp(page, inject('baseUrl'), query);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());
  return () => {
    if (!page) throw new Error('the app page is not open yet');
    return page;
  };
}
