import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawnEntityIds, openApp, sharedAppPage } from './app-page';
import { ARTIFACTS, newContext } from './chromium';

describe('opening the explorer', () => {
  const page = sharedAppPage();

  it('draws the default view of the bundled dataset with Cytoscape', async () => {
    const ids = await drawnEntityIds(page());
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids.length).toBeLessThanOrEqual(30);
    expect(ids).toContain('donald-trump');
    expect(ids).toContain('vladimir-putin');
    const edges = await page().evaluate(() => window.threadline!.cy!.edges('[kind = "relation"]').length);
    expect(edges).toBeGreaterThan(20);
    // Fitted: every node lies inside the canvas.
    const outside = await page().evaluate(() => {
      const cy = window.threadline!.cy!;
      return cy.nodes().filter((n) => {
        const p = n.renderedPosition();
        return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
      }).length;
    });
    expect(outside).toBe(0);
    await page().screenshot({ path: join(ARTIFACTS, 'default-view.png') });
  });

  /** Where each entity is drawn, in model coordinates, once the drawing is final. */
  const placesOf = (p: Page) =>
    p.evaluate(() =>
      Object.fromEntries(
        window.threadline!.cy!.nodes('[kind = "entity"]').map((n) => [n.id(), { ...n.position() }]),
      ),
    );

  /** A new context has no saved view, so the explorer lays the default view out afresh. */
  async function freshOpen(block?: string): Promise<{ page: Page; close(): Promise<void> }> {
    const context = await newContext(page().context().browser()!);
    const other = await context.newPage();
    if (block) await other.route(block, (route) => route.abort());
    await openApp(other, inject('baseUrl'));
    return { page: other, close: () => context.close() };
  }

  it('opens the same way every time: a fresh visit draws every entity where the first did', async () => {
    const first = await placesOf(page());
    const again = await freshOpen();
    try {
      expect(await placesOf(again.page)).toEqual(first);
    } finally {
      await again.close();
    }
  });

  it('lays the view out in place, the same way, when the layout worker cannot start', async () => {
    const first = await placesOf(page());
    const other = await freshOpen('**/layout.worker*');
    try {
      // Every node placed and shown, none left hidden waiting for an answer that will not come.
      const waiting = await other.page.evaluate(() => window.threadline!.cy!.$('.is-awaiting-layout').length);
      expect(waiting).toBe(0);
      expect(await placesOf(other.page)).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('names the dataset in the top bar', async () => {
    await expect(page().locator('.dataset-title').textContent()).resolves.toMatch(/Trump/);
  });

  it('reports an unknown dataset named in the link as text, never as markup', async () => {
    const other = await page().context().newPage();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await openApp(other, inject('baseUrl'), `?dataset=${encodeURIComponent(hostile)}`);
    const notice = other.locator('.notice');
    await expect(notice.first().textContent()).resolves.toContain(hostile);
    expect(await other.evaluate(() => document.querySelectorAll('.notices img').length)).toBe(0);
    expect(await other.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await other.close();
  });

  it('shows the problems of a tampered bundle on an error screen, not a blank page', async () => {
    const other = await page().context().newPage();
    await other.route('**/datasets/trump-putin.json', async (route) => {
      const bundle = await (await route.fetch()).json();
      bundle.quotes[0].exact = 'A sentence the article never contained.';
      bundle.relations[1].target = 'nobody';
      await route.fulfill({ body: JSON.stringify(bundle, null, 1), contentType: 'application/json' });
    });
    await other.goto(inject('baseUrl'));
    const alert = other.locator('main.error-screen');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('quote-offset-mismatch');
    expect(text).toMatch(/datasets\/trump-putin\.json:\d+ \/quotes\/0\/start/);
    expect(text).toContain('dangling-reference');
    await other.close();
  });
});
