import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clickElement, drawnEntityIds, sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';

interface Box {
  ids: string[];
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/**
 * Three drawn entities a box can hold with no other entity inside, and corners on the background, so the
 * drag starts on empty canvas. Runs in the page.
 */
function findBoxOfThree(): Box | null {
  const t = window.threadline!;
  const nodes = t.cy!.nodes('[kind = "entity"]').map((n) => ({ id: n.id(), at: t.pagePosition(n.id())! }));
  const pad = 26;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++)
      for (let k = j + 1; k < nodes.length; k++) {
        const three = [nodes[i]!, nodes[j]!, nodes[k]!];
        const x1 = Math.min(...three.map((n) => n.at.x)) - pad;
        const x2 = Math.max(...three.map((n) => n.at.x)) + pad;
        const y1 = Math.min(...three.map((n) => n.at.y)) - pad;
        const y2 = Math.max(...three.map((n) => n.at.y)) + pad;
        const inside = nodes.filter(
          (n) => n.at.x >= x1 - 20 && n.at.x <= x2 + 20 && n.at.y >= y1 - 20 && n.at.y <= y2 + 20,
        );
        if (inside.length !== 3) continue;
        if (t.hitTest({ x: x1, y: y1 }) !== null || t.hitTest({ x: x2, y: y2 }) !== null) continue;
        return { ids: three.map((n) => n.id), from: { x: x1, y: y1 }, to: { x: x2, y: y2 } };
      }
  return null;
}

/** Shaping the view by hand: a box of three, keep only, pins that a re-layout leaves, an empty canvas. */
describe('curating the view', () => {
  const page = sharedAppPage();
  const state = <T>(fn: () => T) => page().evaluate(fn);

  it('Shift-click marks entities one by one', async () => {
    const [a, b] = (await drawnEntityIds(page())).slice(0, 2);
    await clickElement(page(), a!, { modifiers: ['Shift'] });
    await clickElement(page(), b!, { modifiers: ['Shift'] });
    expect((await state(() => [...window.threadline!.getState().marked])).sort()).toEqual([a, b].sort());
    await expect(page().getByRole('toolbar', { name: 'Selected entities' }).textContent()).resolves.toContain(
      '2 selected',
    );
    await page().evaluate(() => window.threadline!.actions.clearMarks());
  });

  it('a box drawn with Shift held around three nodes marks them; Keep only leaves just those three', async () => {
    const box = await page().evaluate(findBoxOfThree);
    expect(box).not.toBeNull();
    await page().keyboard.down('Shift');
    await page().mouse.move(box!.from.x, box!.from.y);
    await page().mouse.down();
    await page().mouse.move((box!.from.x + box!.to.x) / 2, (box!.from.y + box!.to.y) / 2, { steps: 5 });
    await page().mouse.move(box!.to.x, box!.to.y, { steps: 5 });
    await page().mouse.up();
    await page().keyboard.up('Shift');
    await page().waitForFunction((n) => window.threadline!.getState().marked.size === n, 3);
    expect((await state(() => [...window.threadline!.getState().marked])).sort()).toEqual(
      [...box!.ids].sort(),
    );
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().screenshot({ path: join(ARTIFACTS, 'curate-three-marked.png') });
    await page().getByRole('button', { name: 'Keep only' }).click();
    await waitSettled(page());
    expect((await drawnEntityIds(page())).sort()).toEqual([...box!.ids].sort());
  });

  it('a pinned node stays where it is when the view is laid out again', async () => {
    const [pinned] = await drawnEntityIds(page());
    await page().evaluate((id) => window.threadline!.actions.mark([id]), pinned!);
    await page().getByRole('button', { name: 'Pin', exact: true }).click();
    const before = await state(() => {
      const s = window.threadline!.getState();
      return Object.fromEntries([...s.positions]);
    });
    await page().getByRole('button', { name: 'Re-layout' }).click();
    await waitSettled(page());
    const after = await state(() => Object.fromEntries([...window.threadline!.getState().positions]));
    expect(after[pinned!]).toEqual(before[pinned!]);
    // The others were laid out afresh and have places of their own.
    const others = Object.keys(before).filter((id) => id !== pinned);
    expect(others.every((id) => after[id] !== undefined)).toBe(true);
    await page().screenshot({ path: join(ARTIFACTS, 'curate-pinned.png') });
  });

  it('Clear canvas empties it; a search then builds the view entity by entity; undo brings the view back', async () => {
    const before = (await drawnEntityIds(page())).sort();
    await page().getByRole('button', { name: 'Clear canvas', exact: true }).click();
    await page().waitForFunction(() => window.threadline!.cy!.nodes().empty());
    const box = page().getByRole('combobox', { name: 'Search entities' });
    await box.fill('Eric Trump');
    await box.press('Enter');
    await page().waitForFunction(() => window.threadline!.cy!.$id('eric-trump').nonempty());
    expect(await drawnEntityIds(page())).toEqual(['eric-trump']);
    await page().evaluate(() => {
      window.threadline!.actions.undo();
      window.threadline!.actions.undo();
    });
    await waitSettled(page());
    expect((await drawnEntityIds(page())).sort()).toEqual(before);
  });

  it('on a phone the bar wraps inside the screen', async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().evaluate(() => {
      const s = window.threadline!.getState();
      window.threadline!.actions.mark([...s.view.visible]);
    });
    const bar = await page().getByRole('toolbar', { name: 'Selected entities' }).boundingBox();
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(390);
    await page().screenshot({ path: join(ARTIFACTS, 'curate-phone.png') });
    await page().setViewportSize({ width: 1440, height: 900 });
  });
});

describe('the chronology', () => {
  const page = sharedAppPage();

  it('"In order" lists the drawn dated items earliest first, and one opens its evidence', async () => {
    await page().getByRole('button', { name: 'List', exact: true }).click();
    const list = page().getByTestId('list-view');
    await list.getByRole('button', { name: 'In order' }).click();
    const rows = list.locator('.in-order-list li');
    await rows.first().waitFor();
    const expected = await page().evaluate(() => {
      const s = window.threadline!.getState();
      const m = s.model!;
      const drawn = new Set(s.view.visible);
      return [...m.relations.values()].filter((r) => r.date && drawn.has(r.source) && drawn.has(r.target))
        .length;
    });
    expect(await rows.count()).toBeGreaterThanOrEqual(expected);
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().screenshot({ path: join(ARTIFACTS, 'chronology-in-order.png') });
    // A relation's row opens it in the inspector with its quote.
    const row = list.locator('.in-order-list li[data-kind="relation"]').first();
    const relationRow = await row.getAttribute('data-id');
    await row.getByRole('button').click();
    expect(await page().evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'relation',
      id: relationRow,
    });
    await page().getByTestId('inspector').locator('blockquote').first().waitFor();
  });
});
