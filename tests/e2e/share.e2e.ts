import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { drawnEntityIds, openApp, sharedAppPage, waitOpened, waitSettled } from './app-page';
import { newContext } from './chromium';

interface ViewSnapshot {
  ids: string[];
  selection: unknown;
  positions: Record<string, { x: number; y: number }>;
  hiddenStatuses: string[];
}

/**
 * Waits until the address bar and localStorage hold a view of exactly `ids` with every entity's position,
 * i.e. the view as laid out has been written down (it is written a moment after the last change).
 */
const waitSaved = (page: Page, ids: string[]): Promise<unknown> =>
  page.waitForFunction((want) => {
    const fragment = location.hash.slice(1);
    if (localStorage.getItem('threadline:view:trump-putin') !== fragment) return false;
    const part = (key: string) =>
      fragment
        .split(';')
        .find((p) => p.startsWith(`${key}=`))
        ?.slice(key.length + 1)
        .split(',') ?? [];
    const positions = part('p');
    return (
      [...part('e')].sort().join(',') === want.join(',') &&
      positions.length === want.length &&
      positions.every((p) => /^-?\d+_-?\d+$/.test(p))
    );
  }, ids);

const expectSamePositions = (got: ViewSnapshot, want: ViewSnapshot) => {
  expect(got.ids).toEqual(want.ids);
  for (const id of want.ids) {
    expect(Math.abs(got.positions[id]!.x - want.positions[id]!.x), id).toBeLessThanOrEqual(1);
    expect(Math.abs(got.positions[id]!.y - want.positions[id]!.y), id).toBeLessThanOrEqual(1);
  }
};

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
      expectSamePositions(restored, shared);
      await expect(other.page.locator('.notice').count()).resolves.toBe(0);
      // Once the page has written the view down (settled, then saved), nothing has moved and the link
      // in the address bar is still the one that was opened.
      await other.page.waitForFunction(() => localStorage.getItem('threadline:view:trump-putin') !== null);
      await waitSettled(other.page);
      expectSamePositions(await snapshot(other.page), shared);
      expect(other.page.url()).toBe(link);
    } finally {
      await other.close();
    }
  });

  it('survives a reload without the link (saved per dataset), positions and all', async () => {
    await openApp(page(), inject('baseUrl'));
    expectSamePositions(await snapshot(page()), shared);
  });

  it('Reset view starts over, and a reload right after keeps the view it reset to', async () => {
    await page().getByRole('button', { name: 'Reset view' }).click();
    await page().waitForFunction(() => window.threadline!.cy!.$id('russia').nonempty());
    await waitSettled(page());
    const reset = await snapshot(page());
    await waitSaved(page(), reset.ids);
    await page().reload();
    await waitOpened(page());
    expectSamePositions(await snapshot(page()), reset);
  });

  it('a reload straight after a step keeps the step, though the address bar had not caught up', async () => {
    await waitSaved(page(), (await snapshot(page())).ids);
    const before = page().url();
    await page().evaluate(() => {
      const a = window.threadline!.actions;
      a.hide(['china']);
      a.selectEntity('kim-jong-un');
    });
    // Within the save delay: the address bar still holds the view before the step.
    expect(page().url()).toBe(before);
    await page().reload();
    await waitOpened(page());
    const after = await snapshot(page());
    expect(after.ids).not.toContain('china');
    expect(after.selection).toEqual({ kind: 'entity', id: 'kim-jong-un' });
  });

  it('Ctrl+Z right after opening leaves the canvas as it was and says there is nothing to undo', async () => {
    const other = await freshPage(inject('baseUrl'));
    try {
      const opened = await snapshot(other.page);
      expect(opened.ids.length).toBeGreaterThanOrEqual(20);
      await other.page.keyboard.press('Control+z');
      await other.page.waitForFunction(
        (n) =>
          document.querySelector('.notice') !== null ||
          window.threadline!.cy!.nodes('[kind = "entity"]').length !== n,
        opened.ids.length,
      );
      expect((await other.page.locator('.notice').allTextContents()).join(' ')).toContain('Nothing to undo');
      await waitSettled(other.page);
      expectSamePositions(await snapshot(other.page), opened);
    } finally {
      await other.close();
    }
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
