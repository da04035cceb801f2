import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clickElement, clickToSelect, drawnEntityIds, sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

/** The explorer's whole loop: search, expand, click an edge on the canvas, read its quote, go to the source and back. */
describe('exploring to the evidence and back', () => {
  const page = sharedAppPage();

  const selection = () => page().evaluate(() => window.threadline!.getState().selection);

  it('finds Eric Trump by typing "Eric" and adds him with Enter', async () => {
    const box = page().getByRole('combobox', { name: 'Search entities' });
    await box.fill('Eric');
    await expect(page().getByRole('option').first().textContent()).resolves.toContain('Eric Trump');
    await box.press('Enter');
    await page().waitForFunction(() => window.threadline!.cy!.$id('eric-trump').nonempty());
    expect(await selection()).toEqual({ kind: 'entity', id: 'eric-trump' });
    await expect(page().getByTestId('inspector').locator('h2').textContent()).resolves.toBe('Eric Trump');
  });

  it('expands Eric Trump by double-clicking him on the canvas', async () => {
    const before = await drawnEntityIds(page());
    await page().evaluate(() => window.threadline!.actions.hide(['russia']));
    await page().waitForFunction(() => window.threadline!.cy!.$id('russia').empty());
    await clickElement(page(), 'eric-trump', { double: true });
    await page().waitForFunction(() => window.threadline!.cy!.$id('russia').nonempty());
    const after = await drawnEntityIds(page());
    expect(after).toContain('russia');
    // Nodes that were there keep their places.
    expect(after.length).toBeGreaterThanOrEqual(before.length - 1);
  });

  it('clicking the Eric Trump → Russia edge on the canvas shows his quote', async () => {
    const edgeId = await page().evaluate(() => {
      const m = window.threadline!.getState().model!;
      return [...m.relations.values()].find(
        (r) =>
          r.source === 'eric-trump' &&
          r.target === 'russia' &&
          r.evidence.some((q) => m.quotes.get(q)!.exact.includes('American banks')),
      )!.id;
    });
    await clickToSelect(page(), edgeId);
    const inspector = page().getByTestId('inspector');
    await expect(inspector.locator('blockquote').first().textContent()).resolves.toContain(
      'We don’t depend on American banks',
    );
    // The article only reports Eric Trump's words ("reportedly claimed"), and the badge says so.
    await expect(inspector.locator('.status-badge').first().textContent()).resolves.toBe('Reported');
    await expect(inspector.locator('.evidence-meta').first().textContent()).resolves.toContain('Eric Trump');
    await page().screenshot({ path: join(ARTIFACTS, 'selected-edge-evidence.png') });
  });

  it('"Show in source" opens the reader on the highlighted quote', async () => {
    await page().getByRole('button', { name: 'Show in source' }).first().click();
    const focused = page().getByTestId('source-reader').locator('mark.is-focused');
    await focused.first().waitFor();
    await expect(focused.allTextContents().then((t) => t.join(''))).resolves.toContain(
      'We don’t depend on American banks',
    );
    const inView = await focused.first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      const body = el.closest('.reader-body')!.getBoundingClientRect();
      return r.top >= body.top && r.bottom <= body.bottom;
    });
    expect(inView).toBe(true);
    await page().screenshot({ path: join(ARTIFACTS, 'source-reader.png') });
  });

  it('clicking another highlight in the reader selects the relation chosen from those it backs', async () => {
    const mark = page().getByTestId('source-reader').locator('mark', { hasText: 'We fell in love' }).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    // The quote backs six relations (the letters, who wrote them, Trump and Kim "in love", Trump's admiration of
    // Kim): each is offered.
    const rows = page().getByRole('dialog', { name: 'Relations this quote backs' }).getByRole('button');
    await expect(rows.count()).resolves.toBe(6);
    await rows.filter({ hasText: 'Donald Trump' }).filter({ hasText: 'Kim Jong-un' }).first().click();
    const sel = await selection();
    expect(sel?.kind).toBe('relation');
    const cited = await page().evaluate((id) => {
      const m = window.threadline!.getState().model!;
      return m.relations
        .get(id)!
        .evidence.map((q) => m.quotes.get(q)!.exact)
        .join(' ');
    }, sel!.id);
    expect(cited).toContain('We fell in love');
    const drawnSelected = await page().evaluate(
      (id) => window.threadline!.cy!.$id(id).hasClass('is-selected'),
      sel!.id,
    );
    expect(drawnSelected).toBe(true);
  });

  it('undo steps back through the view', async () => {
    const before = await drawnEntityIds(page());
    await page().keyboard.press('Escape');
    await page()
      .locator('body')
      .click({ position: { x: 5, y: 300 } });
    await page().keyboard.press('Control+z');
    await page().waitForFunction(
      (n) => window.threadline!.cy!.nodes('[kind = "entity"]').length !== n,
      before.length,
    );
    const after = await drawnEntityIds(page());
    expect(after.length).not.toBe(before.length);
  });
});
