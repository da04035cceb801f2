/** Page helpers for e2e tests: open the app, wait until the default view is drawn, read the canvas via window.threadline. */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { EdgeSingular } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

export async function openApp(page: Page, baseUrl: string, query = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseUrl + query);
  await waitOpened(page);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`);
}

/** Waits, after a page load, until the explorer has drawn its opening view and that drawing is final. */
export async function waitOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const t = window.threadline;
    return !!t?.cy && t.cy.nodes().length > 0 && t.getState().positions.size > 0;
  });
  await waitSettled(page);
}

/**
 * Waits until what is drawn is final (window.threadline.settled(): no layout running or awaited, no
 * animation, every entity where the store has it), so positions read afterwards are where things stay.
 */
export async function waitSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.threadline?.settled() === true);
}

/** Ids of the entity nodes Cytoscape is drawing. */
export async function drawnEntityIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.threadline!.cy!.nodes('[kind = "entity"]').map((n) => n.id()));
}

/** Ids of the relations Cytoscape is drawing: edges of their own, and the members of edges drawn for a pair. */
export async function drawnRelationIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .threadline!.cy!.edges('[kind = "relation"], [kind = "bundle"]')
      .map((e): string[] => (e.data('kind') === 'bundle' ? (e.data('relationIds') as string[]) : [e.id()]))
      .flat(),
  );
}

/** Clicks an element where Cytoscape draws it on screen, once the drawing is final. */
export async function clickElement(
  page: Page,
  id: string,
  options: { double?: boolean; modifiers?: Array<'Shift' | 'Control' | 'Meta'> } = {},
): Promise<{ x: number; y: number; clear: boolean }> {
  await waitSettled(page);
  const p = await page.evaluate(clearPointOf, id);
  if (!p) throw new Error(`element ${id} is not drawn`);
  for (const key of options.modifiers ?? []) await page.keyboard.down(key);
  if (options.double) await page.mouse.dblclick(p.x, p.y);
  else await page.mouse.click(p.x, p.y);
  for (const key of options.modifiers ?? []) await page.keyboard.up(key);
  return p;
}

/**
 * Clicks an element on the canvas and waits for the store to have it (or `selects`, for a pair's edge)
 * selected. Layouts are seeded, so the same steps draw the same picture every run: an element that
 * cannot be clicked fails every time, never now and then.
 */
export async function clickToSelect(page: Page, id: string, selects = id): Promise<void> {
  const point = await clickElement(page, id);
  const seen = () =>
    page.evaluate((p) => {
      const top = document.elementFromPoint(p.x, p.y);
      return {
        top: top ? `${top.tagName}.${top.className}` : null,
        selection: window.threadline!.getState().selection,
      };
    }, point);
  const shot = () =>
    page.screenshot({ path: join(ARTIFACTS, `missed-click-${id.replace(/[^a-z0-9-]/gi, '_')}.png`) });
  if (!point.clear) {
    await shot();
    throw new Error(`every point of ${id} is under another element, so it cannot be clicked`);
  }
  try {
    await page.waitForFunction((want) => window.threadline!.getState().selection?.id === want, selects, {
      timeout: 5_000,
    });
  } catch (e) {
    const what = await seen();
    await shot();
    throw new Error(`clicking ${id} at ${JSON.stringify(point)} did not select it: ${JSON.stringify(what)}`, {
      cause: e,
    });
  }
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

/**
 * Where to click an element so that it, and nothing drawn over it, is hit: a node's centre, or the point
 * along an edge farthest from every other edge and node (parallel and crossing edges share midpoints).
 * Runs in the page.
 */
function clearPointOf(id: string): { x: number; y: number; clear: boolean } | null {
  const t = window.threadline!;
  const cy = t.cy!;
  const el = cy.$id(id);
  if (el.empty()) return null;
  if (el.nodes().nonempty()) {
    const at = t.pagePosition(id);
    return at && { ...at, clear: true };
  }
  type P = { x: number; y: number };
  /** Points on an edge's curve between the fractions `from` and `to` of its length. */
  const along = (edge: EdgeSingular, from: number, to: number, count: number): P[] => {
    const a = edge.renderedSourceEndpoint();
    const b = edge.renderedTargetEndpoint();
    let c: P = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    try {
      // Straight edges have no control points; Cytoscape throws rather than returning none.
      c = edge.renderedControlPoints()?.[0] ?? c;
    } catch {
      /* straight: the midpoint serves */
    }
    return Array.from({ length: count }, (_, i) => {
      const u = from + ((to - from) * i) / (count - 1);
      return {
        x: (1 - u) * (1 - u) * a.x + 2 * (1 - u) * u * c.x + u * u * b.x,
        y: (1 - u) * (1 - u) * a.y + 2 * (1 - u) * u * c.y + u * u * b.y,
      };
    });
  };
  const others = cy
    .edges()
    .not(el)
    // Other edges end to end: one ending at a shared node passes close to this edge there.
    .map((e) => along(e as EdgeSingular, 0, 1, 41))
    .flat();
  const nodes = cy.nodes().map((n) => ({ ...n.renderedPosition(), r: n.renderedOuterWidth() / 2 }));
  const gapAt = (q: P) =>
    Math.min(
      Math.min(...others.map((o) => Math.hypot(o.x - q.x, o.y - q.y)), Infinity),
      Math.min(...nodes.map((n) => Math.hypot(n.x - q.x, n.y - q.y) - n.r), Infinity),
    );
  const candidates = along(el.edges()[0]!, 0.15, 0.85, 21).sort((p, q) => gapAt(q) - gapAt(p));
  // Of the clearest points, the first where the canvas's own hit test finds this element: in a crowded
  // drawing a point can be clear of every other edge's curve and still inside another's hit area or label.
  const box = cy.container()!.getBoundingClientRect();
  const hits = (q: P) => t.hitTest({ x: box.left + q.x, y: box.top + q.y }) === id;
  const hit = candidates.find(hits);
  const best = hit ?? candidates[0];
  if (!best) return null;
  // Not clear: every point of the edge is under another element.
  return { x: box.left + best.x, y: box.top + best.y, clear: hit !== undefined };
}
