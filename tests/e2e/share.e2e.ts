import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { drawnEntityIds, openApp, sharedAppPage } from './app-page';
import { newContext } from './chromium';

interface ViewSnapshot {
  ids: string[];
  selection: unknown;
  positions: Record<string, { x: number; y: number }>;
  hiddenStatuses: string[];
}

const snapshot = (page: Page): Promise<ViewSnapshot> =>
  page.evaluate(() => {
    const t = window.threadline!;
    const s = t.getState();
    const positions: Record<string, { x: number; y: number }> = {};
    t.cy!.nodes('[kind = "entity"]').forEach((n) => {
      positions[n.id()] = { x: Math.round(n.position('x')), y: Math.round(n.position('y')) };
    });
    return {
      ids: t
        .cy!.nodes('[kind = "entity"]')
        .map((n) => n.id())
        .sort(),
      selection: s.selection,
      positions,
      hiddenStatuses: [...s.filters.hiddenStatuses].sort(),
    };
  });

/** A view travels in its link: reopened elsewhere it shows the same elements, places, selection and filters. */
describe('sharing and keeping a view', () => {
  const page = sharedAppPage();
  let link = '';
  let shared: ViewSnapshot;

  /** A fresh context of the same browser: no saved view, so only the link can restore anything. */
  async function freshPage(url: string): Promise<{ page: Page; close(): Promise<void> }> {
    const context = await newContext(page().context().browser()!);
    const p = await context.newPage();
    await openApp(p, url);
    return { page: p, close: () => context.close() };
  }

  it('keeps the view in the URL and gives it out through "Copy link"', async () => {
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      a.hide(['russia']);
      a.selectEntity('vladimir-putin');
      a.setFilters({ ...window.threadline!.getState().filters, hiddenStatuses: new Set(['opinion']) });
      a.setDisplay({ parallel: 'separate' });
    });
    await page().waitForFunction(
      () =>
        /s=e\.vladimir-putin/.test(location.hash) &&
        /hs=opinion/.test(location.hash) &&
        /o=uniform\.type\.separate/.test(location.hash),
    );
    await page().getByRole('button', { name: 'Export', exact: true }).click();
    await page().getByRole('button', { name: 'Copy link to this view' }).click();
    link = await page().getByRole('textbox', { name: 'Link to this view' }).inputValue();
    expect(link).toContain('?dataset=trump-putin#v=1;');
    shared = await snapshot(page());
    expect(shared.ids).not.toContain('russia');
  });

  it('opens the same elements, positions, selection and filters in a fresh browser context', async () => {
    const other = await freshPage(link);
    try {
      const restored = await snapshot(other.page);
      expect(restored.ids).toEqual(shared.ids);
      expect(restored.selection).toEqual({ kind: 'entity', id: 'vladimir-putin' });
      expect(restored.hiddenStatuses).toEqual(['opinion']);
      // Drawn the same way: every relation between Trump and Putin apart, as when the link was made.
      expect(await other.page.evaluate(() => window.threadline!.getState().display.parallel)).toBe(
        'separate',
      );
      // Positions come from the link (rounded), not from a new layout.
      for (const id of shared.ids) {
        expect(Math.abs(restored.positions[id]!.x - shared.positions[id]!.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(restored.positions[id]!.y - shared.positions[id]!.y)).toBeLessThanOrEqual(1);
      }
      await expect(other.page.locator('.notice').count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  });

  it('survives a reload without the link (saved per dataset), and Reset view starts over', async () => {
    await page().goto(inject('baseUrl'));
    await page().waitForFunction(() => (window.threadline?.getState().view.positions.size ?? 0) > 0);
    expect((await snapshot(page())).ids).toEqual(shared.ids);
    await page().getByRole('button', { name: 'Reset view' }).click();
    await page().waitForFunction(() => window.threadline!.cy!.$id('russia').nonempty());
  });

  it('restores what it can from a tampered, truncated link and says what was lost', async () => {
    const tampered = link
      .replace('vladimir-putin,', 'vladimir-putin,no-such-entity,')
      .replace(/;a=[^;]*/, '');
    const cut = tampered.slice(0, tampered.lastIndexOf(';'));
    const other = await freshPage(cut);
    try {
      const notice = other.page.locator('.notice-warning');
      await notice.first().waitFor();
      const text = (await notice.allTextContents()).join(' ');
      expect(text).toContain('"no-such-entity" is not in this dataset');
      expect(text).toContain('cut short');
      expect((await drawnEntityIds(other.page)).sort()).toEqual(shared.ids);
    } finally {
      await other.close();
    }
  });

  it('shows the default view with a notice for a hostile link, executing nothing', async () => {
    const base = inject('baseUrl');
    const hostile = `${base}#v=1;d=trump-putin;s=e.<img src=x onerror=window.pwned=1>;e=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E,javascript:alert(1);p=1e99_x;z`;
    const other = await freshPage(hostile);
    try {
      await other.page.locator('.notice-warning').first().waitFor();
      expect(await other.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      expect((await drawnEntityIds(other.page)).length).toBeGreaterThanOrEqual(20);
    } finally {
      await other.close();
    }
  });
});
