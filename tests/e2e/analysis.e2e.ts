import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnRelationIds, openApp } from './app-page';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

/** Analysis: the connection finder explains itself with quotes, filters cut what the source does not assert, the timeline brushes time. */
describe('filters, connection finder and timeline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    await openApp(page, inject('baseUrl'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  const drawnNodeIds = () =>
    page.evaluate(() => window.threadline!.cy!.nodes('[kind = "entity"]').map((n) => n.id()));
  const addToView = (ids: string[]) =>
    page.evaluate((list) => window.threadline!.actions.addEntities(list), ids);
  /** No two of these boxes intersect (the layout is tiled, not stacked). */
  const assertNoOverlap = async (testIds: string[]) => {
    const boxes = await Promise.all(
      testIds.map(async (id) => [id, await page.getByTestId(id).boundingBox()] as const),
    );
    for (const [a, ba] of boxes)
      for (const [b, bb] of boxes) {
        if (a >= b || !ba || !bb) continue;
        const overlapX = Math.min(ba.x + ba.width, bb.x + bb.width) - Math.max(ba.x, bb.x);
        const overlapY = Math.min(ba.y + ba.height, bb.y + bb.height) - Math.max(ba.y, bb.y);
        expect(overlapX > 1 && overlapY > 1, `${a} overlaps ${b}`).toBe(false);
      }
    for (const [id, box] of boxes) {
      expect(box, id).not.toBeNull();
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(1280.5);
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(720.5);
    }
  };

  it('connects Eric Trump and Vladimir Putin, every step quoting the article', async () => {
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const panel = page.getByTestId('paths-panel');
    await panel.getByRole('combobox', { name: 'From: search entities' }).fill('Eric Trump');
    await page.keyboard.press('Enter');
    await panel.getByRole('combobox', { name: 'To: search entities' }).fill('Putin');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.threadline!.getState().connect)).toEqual({
      from: 'eric-trump',
      to: 'vladimir-putin',
    });
    const first = panel.locator('.path-card').first();
    await first.waitFor();
    const steps = first.locator('.narrative-step');
    expect(await steps.count()).toBe(2);
    const sentences = await first.locator('.step-sentence').allTextContents();
    expect(sentences[0]).toMatch(/^Eric Trump — /);
    expect(sentences[1]).toMatch(/ Vladimir Putin$/);
    const quotes = (await first.locator('.step-quote').allTextContents()).map((q) => q.replace(/^“|”$/g, ''));
    // Every quote of every step, each source's: at least one a step.
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    const texts = await page.evaluate(() => window.threadline!.getState().model!.data.evidence!.texts);
    for (const q of quotes)
      expect(
        texts.some((t) => t.includes(q)),
        q,
      ).toBe(true);
    expect(await first.locator('.status-badge').count()).toBeGreaterThanOrEqual(2);

    await first.getByRole('button', { name: 'Show' }).click();
    const path = await page.evaluate(() => window.threadline!.getState().highlightedPath);
    expect(path?.entityIds[0]).toBe('eric-trump');
    expect(path?.entityIds.at(-1)).toBe('vladimir-putin');
    await page.waitForFunction(() => window.threadline!.cy!.$('.is-path').length >= 5);
    const onPath = await page.evaluate(() => window.threadline!.cy!.$('node.is-path').map((n) => n.id()));
    expect(onPath.sort()).toEqual([...path!.entityIds].sort());

    await first.getByRole('button', { name: 'Copy' }).click();
    await page.waitForFunction(() =>
      window.threadline!.getState().notices.some((n) => /copied/i.test(n.text)),
    );
    // At once: information fades after a few seconds on its own.
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Eric Trump → Vladimir Putin: 2 steps');
    expect(copied).toContain(`“${quotes[0]}”`);
    expect(copied).toMatch(/\nSources:\n\[1\] /);
    expect(copied).toMatch(/\n\[\d\] .*Worldcrunch/);

    await page.waitForFunction(() => !window.threadline!.cy!.animated());
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-path.png') });
    await assertNoOverlap(['paths-panel', 'graph-canvas', 'timeline', 'inspector']);
  });

  it('filtered to facts only, the Steele dossier’s allegations leave the view', async () => {
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const panel = page.getByTestId('filters-panel');
    await panel.waitFor();
    expect(await page.evaluate(() => window.threadline!.getState().highlightedPath)).toBeNull();
    await addToView(['steele-dossier', 'christopher-steele', 'leverage-theory-2013', 'moscow-hotel-footage']);
    const allegations = ['dossier-details-leverage', 'dossier-alleges-footage'];
    await page.waitForFunction(
      (ids) => ids.every((id) => window.threadline!.cy!.getElementById(id).nonempty()),
      allegations,
    );
    await expect(panel.locator('.filter-summary').textContent()).resolves.toMatch(/529 of 529 relations/);

    await panel.getByRole('button', { name: 'Facts only' }).click();
    const edges = await drawnRelationIds(page);
    for (const id of allegations) expect(edges).not.toContain(id);
    expect(edges).toContain('dossier-by-steele');
    const statuses = await page.evaluate(
      (ids) => ids.map((id) => window.threadline!.getState().model!.relations.get(id)!.status),
      edges,
    );
    expect(new Set(statuses)).toEqual(new Set(['fact']));
    await expect(panel.locator('.filter-summary').textContent()).resolves.toMatch(/436 of 529 relations/);
    // The dossier itself stays: only its allegations went.
    expect(await drawnNodeIds()).toContain('steele-dossier');

    // Hiding a type takes its entities off the canvas; search still finds them and says why they are missing.
    await panel.getByRole('checkbox', { name: /Document/ }).uncheck();
    expect(await drawnNodeIds()).not.toContain('steele-dossier');
    await page.getByRole('combobox', { name: 'Search entities' }).fill('Steele dossier');
    await expect(page.locator('.search-results li').first().textContent()).resolves.toMatch(
      /hidden by a filter/,
    );
    await page.getByRole('combobox', { name: 'Search entities' }).fill('');
    await panel.getByRole('checkbox', { name: /Document/ }).check();

    await panel.getByRole('button', { name: 'Connections' }).click();
    await page.waitForFunction(
      () => window.threadline!.cy!.getElementById('donald-trump').data('importance') === 1,
    );
    const widths = await page.evaluate(() => {
      const cy = window.threadline!.cy!;
      return {
        trump: cy.getElementById('donald-trump').width(),
        steele: cy.getElementById('christopher-steele').width(),
      };
    });
    expect(widths.trump).toBeGreaterThan(widths.steele);

    await panel.evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-filters.png') });
    await assertNoOverlap(['filters-panel', 'graph-canvas', 'timeline', 'inspector']);
    await panel.getByRole('button', { name: 'Same' }).click();
    await panel.getByRole('button', { name: 'Reset all' }).click();
    expect(await page.evaluate(() => window.threadline!.getState().filters.hiddenStatuses.size)).toBe(0);
  });

  it('brushing the timeline to 2018 keeps the 2018 summits and drops the rest of the dated events', async () => {
    await addToView(['helsinki-summit-2018', 'g20-buenos-aires-2018', 'election-2016', 'g20-hamburg-2017']);
    const plot = page.locator('.tl-plot');
    const box = (await plot.boundingBox())!;
    const [start, end] = await plot.evaluate((el) => [
      Number(el.dataset.viewStart),
      Number(el.dataset.viewEnd),
    ]);
    const xAt = (year: number) => box.x + ((year - start!) / (end! - start!)) * box.width;
    // Press on the caption row: it lets the press through to the plot, and no mark sits there.
    await page.mouse.move(xAt(2018.15), box.y + 8);
    await page.mouse.down();
    await page.mouse.move(xAt(2018.5), box.y + 8, { steps: 4 });
    await page.mouse.move(xAt(2018.85), box.y + 8, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.threadline!.getState().filters.timeRange)).toEqual({
      from: '2018-01-01',
      to: '2018-12-31',
    });
    const drawn = await drawnNodeIds();
    expect(drawn).toEqual(
      expect.arrayContaining(['helsinki-summit-2018', 'g20-buenos-aires-2018', 'donald-trump']),
    );
    expect(drawn).not.toContain('election-2016');
    expect(drawn).not.toContain('g20-hamburg-2017');
    await expect(page.locator('.tl-range-chip').textContent()).resolves.toContain('2018');

    // Timeline → graph: clicking a mark selects it.
    await page.locator('[data-mark="helsinki-summit-2018"]').click();
    expect(await page.evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'entity',
      id: 'helsinki-summit-2018',
    });
    // Graph → timeline: selecting in the graph marks it on the strip.
    await page.evaluate(() => window.threadline!.actions.selectEntity('g20-buenos-aires-2018'));
    await expect(
      page.locator('[data-mark="g20-buenos-aires-2018"]').getAttribute('class'),
    ).resolves.toContain('is-selected');
    // A mark grouping several relations of one date opens a list to pick from.
    await page.locator('[data-mark="rel:relations:person:2018-07-01|2018-07-31|"]').click();
    const popover = page.getByRole('dialog', { name: /Relations dated/ });
    await popover.getByRole('button', { name: /Donald Trump sided with Vladimir Putin/ }).click();
    expect(await page.evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'relation',
      id: 'trump-sided-with-putin-helsinki',
    });
    await expect(popover.count()).resolves.toBe(0);
    await page.evaluate(() => window.threadline!.actions.selectEntity('g20-buenos-aires-2018'));
    await page.locator('[data-mark="g20-buenos-aires-2018"]').hover();
    await expect(page.locator('.tl-caption').textContent()).resolves.toMatch(
      /Buenos Aires.*2018.*known to the year/,
    );

    await page.screenshot({ path: join(ARTIFACTS, 'analysis-timeline.png') });
    await assertNoOverlap(['filters-panel', 'graph-canvas', 'timeline', 'inspector']);
    await page.locator('.tl-range-chip').getByRole('button', { name: 'Clear the time filter' }).click();
    expect(await page.evaluate(() => window.threadline!.getState().filters.timeRange)).toBeNull();
  });

  it('runs the connection finder in the analysis worker when asked to, with the same answer', async () => {
    const workerPage = await context.newPage();
    const workers: string[] = [];
    workerPage.on('worker', (w) => workers.push(w.url()));
    await openApp(workerPage, inject('baseUrl'), '?analysis=worker');
    await workerPage.evaluate(() =>
      window.threadline!.actions.setConnect({ from: 'eric-trump', to: 'vladimir-putin' }),
    );
    const card = workerPage.getByTestId('paths-panel').locator('.path-card').first();
    await card.waitFor();
    const inWorker = await workerPage
      .locator('.path-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    await page.evaluate(() =>
      window.threadline!.actions.setConnect({ from: 'eric-trump', to: 'vladimir-putin' }),
    );
    await page.getByTestId('paths-panel').locator('.path-card').first().waitFor();
    const onMain = await page
      .locator('.path-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(inWorker).toEqual(onMain);
    expect(workers.some((url) => url.includes('analysis.worker'))).toBe(true);
    await workerPage.close();
  });
});
