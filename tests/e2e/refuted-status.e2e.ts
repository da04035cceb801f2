import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clickToSelect, drawnRelationIds, sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';

/**
 * The article calls the claim that Ukraine interfered in the 2016 election false and "widely debunked". A reader
 * must see it as refuted on the canvas, in the inspector and the legend, and be able to filter it away.
 */
describe('the debunked Ukraine-interference claim reads as refuted', () => {
  const page = sharedAppPage();
  const refuted = ['ukraine-interfered-2016-false', 'ukraine-for-democrats-false'];

  beforeAll(async () => {
    await page().evaluate(() => {
      const t = window.threadline!;
      t.actions.restoreView(
        {
          visible: new Set(['ukraine', 'election-2016', 'democrats']),
          addedBy: new Map(),
          positions: new Map(),
        },
        null,
        t.getState().filters,
      );
    });
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return s.view.visible.size === 3 && [...s.view.visible].every((id) => s.positions.has(id));
    });
    await waitSettled(page());
  });

  it('labels the edge "interfered in (refuted)" and titles the inspector "Refuted: …" when clicked', async () => {
    const drawn = await page().evaluate(() =>
      String(window.threadline!.cy!.$id('ukraine-interfered-2016-false').style('label')),
    );
    expect(drawn).toBe('interfered in (refuted)');
    await clickToSelect(page(), 'ukraine-interfered-2016-false');
    await expect(page().getByTestId('inspector').locator('#inspector-title').textContent()).resolves.toBe(
      'Refuted: Ukraine interfered in 2016 U.S. presidential election',
    );
    await page().screenshot({ path: join(ARTIFACTS, 'refuted-inspector.png') });
  });

  it('lists Refuted in the legend with the two refuted relations drawn', async () => {
    const rows = await page()
      .getByRole('region', { name: 'Legend' })
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(rows).toContain('Refuted 2');
  });

  it('leaves the canvas when the status filter hides Refuted', async () => {
    await page().keyboard.press('Escape');
    expect(await drawnRelationIds(page())).toEqual(expect.arrayContaining(refuted));
    await page().getByRole('button', { name: 'Filters', exact: true }).click();
    const panel = page().getByTestId('filters-panel');
    await panel.getByRole('checkbox', { name: /Refuted/ }).uncheck();
    await page().waitForFunction(
      (ids) => ids.every((id) => window.threadline!.cy!.getElementById(id).empty()),
      refuted,
    );
    const edges = await drawnRelationIds(page());
    for (const id of refuted) expect(edges).not.toContain(id);
    await page().screenshot({ path: join(ARTIFACTS, 'refuted-filtered.png') });
  });
});
