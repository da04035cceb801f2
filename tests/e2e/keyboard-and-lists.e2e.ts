import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clickToSelect, drawnEntityIds, drawnRelationIds, sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

/** Without a mouse: search, walk relations with the arrow keys, reach the evidence; the list view mirrors the canvas. */
describe('keyboard, list view and quotes as nodes', () => {
  const page = sharedAppPage();

  const selection = () => page().evaluate(() => window.threadline!.getState().selection);

  it('walks the selected node’s relations with the arrow keys and reaches the evidence with Enter', async () => {
    const box = page().getByRole('combobox', { name: 'Search entities' });
    await box.focus();
    await box.fill('putn');
    await page().keyboard.press('Enter');
    expect(await selection()).toEqual({ kind: 'entity', id: 'vladimir-putin' });
    await box.blur();
    await page().keyboard.press('ArrowRight');
    const first = await selection();
    expect(first?.kind).toBe('relation');
    await page().keyboard.press('ArrowRight');
    const second = await selection();
    expect(second?.kind).toBe('relation');
    expect(second?.id).not.toBe(first?.id);
    const touchesPutin = await page().evaluate((id) => {
      const r = window.threadline!.getState().model!.relations.get(id)!;
      return [r.source, r.target].includes('vladimir-putin');
    }, second!.id);
    expect(touchesPutin).toBe(true);
    await page().keyboard.press('Enter');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('evidence-list');
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.textContent)).toBe('Show in source');
    await page().locator('body').press('Escape');
    expect(await selection()).toBeNull();
  });

  it('focus is visible on keyboard-reachable controls', async () => {
    await page().keyboard.press('Tab');
    const outline = await page().evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('lists exactly what the canvas draws', async () => {
    await page().getByRole('button', { name: 'List' }).click();
    const list = page().getByTestId('list-view');
    await list.waitFor();
    const counts = {
      nodes: (await drawnEntityIds(page())).length,
      relations: (await drawnRelationIds(page())).length,
    };
    expect(await list.locator('.entity-list li').count()).toBe(counts.nodes);
    // A pair's relations drawn as one edge are each listed.
    expect(await list.locator('.relation-list li').count()).toBe(counts.relations);
    await page().evaluate(() => window.threadline!.actions.hide(['vladimir-putin']));
    expect(await list.locator('.entity-list li').count()).toBe(counts.nodes - 1);
    await page().evaluate(() => window.threadline!.actions.undo());
    await page().getByRole('button', { name: 'List' }).click();
  });

  it('shows quotes as nodes joined to what they support', async () => {
    await page().getByRole('button', { name: 'Quotes' }).click();
    await page().waitForFunction(() => window.threadline!.cy!.nodes('[kind = "quote"]').length > 0);
    const check = await page().evaluate(() => {
      const cy = window.threadline!.cy!;
      const q = cy.nodes('[kind = "quote"]')[0]!;
      return {
        quotes: cy.nodes('[kind = "quote"]').length,
        linked: q.connectedEdges('[kind = "evidence"]').length,
      };
    });
    expect(check.quotes).toBeGreaterThan(5);
    expect(check.linked).toBeGreaterThan(0);
    await page().screenshot({ path: join(ARTIFACTS, 'quotes-as-nodes.png') });
    await page().getByRole('button', { name: 'Quotes' }).click();
    await page().waitForFunction(() => window.threadline!.cy!.nodes('[kind = "quote"]').length === 0);
  });

  it('draws parallel relations between one pair apart, never on top of each other', async () => {
    const apart = await page().evaluate(() => {
      const cy = window.threadline!.cy!;
      const byPair = new Map<string, string[]>();
      cy.edges('[kind = "relation"]').forEach((e) => {
        const key = [e.source().id(), e.target().id()].sort().join('|');
        byPair.set(key, [...(byPair.get(key) ?? []), e.id()]);
      });
      const [ids] = [...byPair.values()].filter((v) => v.length > 1);
      if (!ids) return null;
      const mids = ids.map((id) => cy.$id(id).edges()[0]!.midpoint());
      return Math.min(...mids.slice(1).map((m) => Math.hypot(m.x - mids[0]!.x, m.y - mids[0]!.y)));
    });
    expect(apart).not.toBeNull();
    expect(apart!).toBeGreaterThan(10);
  });

  it('draws the eighteen Trump–Putin relations as one edge that opens onto their list and evidence', async () => {
    const pairEdge = 'pair:donald-trump~vladimir-putin';
    await page().waitForFunction((id) => window.threadline!.cy!.getElementById(id).nonempty(), pairEdge);
    const between = await page().evaluate(() =>
      window
        .threadline!.cy!.$id('donald-trump')
        .edgesWith('#vladimir-putin')
        .map((e) => e.data('label') as string),
    );
    expect(between).toEqual(['18 relations']);

    await clickToSelect(page(), pairEdge, 'donald-trump~vladimir-putin');
    expect(await page().evaluate(() => window.threadline!.getState().selection?.kind)).toBe('pair');
    const inspector = page().getByTestId('inspector');
    await expect(inspector.locator('h2').textContent()).resolves.toBe('Donald Trump and Vladimir Putin');
    await expect(inspector.locator('.relation-row').count()).resolves.toBe(18);
    await page().screenshot({ path: join(ARTIFACTS, 'pair-of-relations.png') });
    // From the keyboard: Enter reaches the first of the pair's relations.
    await page().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page().keyboard.press('Enter');
    await expect(
      page().evaluate(() => document.activeElement?.classList.contains('relation-row') ?? false),
    ).resolves.toBe(true);

    // A row opens that relation's quote; the one edge stays selected on the canvas.
    await inspector.locator('.relation-row', { hasText: 'July 2018' }).first().click();
    await inspector.locator('blockquote').first().waitFor();
    expect(
      await page().evaluate((id) => window.threadline!.cy!.$id(id).hasClass('is-selected'), pairEdge),
    ).toBe(true);
    await inspector.getByRole('button', { name: 'List all 18' }).click();
    await page().waitForFunction(() => window.threadline!.getState().selection?.kind === 'pair');
    await expect(inspector.locator('.relation-row').count()).resolves.toBe(18);

    // Drawn apart on request: eighteen edges, no pair edge.
    await inspector.getByRole('button', { name: 'Draw each relation apart' }).click();
    await page().waitForFunction(
      () => window.threadline!.cy!.$id('donald-trump').edgesWith('#vladimir-putin').length === 18,
    );
    await page().evaluate(() => window.threadline!.actions.setDisplay({ parallel: 'bundle' }));
    await page().waitForFunction((id) => window.threadline!.cy!.getElementById(id).nonempty(), pairEdge);
    await page().keyboard.press('Escape');
  });
});
