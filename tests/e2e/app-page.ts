/** Page helpers for e2e tests: open the app, wait until the default view is drawn, read the canvas via window.threadline. */
import type { Page } from 'playwright-core';

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
