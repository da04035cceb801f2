import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drawnEntityIds, openApp, waitSettled } from './app-page';
import { STATUS_LOOKS } from '../../src/model/style/entity-style';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

/** The plot's window of time and how to find a date on it, in page pixels. */
async function axis(page: Page) {
  const plot = page.locator('.tl-plot');
  const box = (await plot.boundingBox())!;
  // The lanes scroll under the sticky axis: rows are found from the visible body, not the plot's top.
  const body = (await page.locator('.tl-body').boundingBox())!;
  const { start, end, unit } = await plot.evaluate((el) => ({
    start: Number(el.dataset.viewStart),
    end: Number(el.dataset.viewEnd),
    unit: el.dataset.unit,
  }));
  return {
    box,
    /** The sticky axis row, and a row of lanes, as seen on screen. */
    axisY: body.y + 8,
    laneY: body.y + 40,
    start,
    end,
    unit,
    xAt: (year: number) => box.x + ((year - start) / (end - start)) * box.width,
  };
}

/** Back to the whole domain, from wherever an earlier step left the window. */
async function showAll(page: Page) {
  const all = page.getByRole('button', { name: 'Show all the years' });
  if (await all.isEnabled()) await all.click();
}

const visibleText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const body = document.querySelector('.tl-body')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.bottom > body.top && r.top < body.bottom;
      })
      .map((el) => el.textContent ?? '');
  }, selector);

/** Pairs of bars or "+N" markers whose rectangles on screen intersect: none, in a layout that reads. */
const overlappingBars = (page: Page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.tl-mark, .tl-overflow')].map((el) => ({
      name: el.dataset.mark ?? el.dataset.overflow ?? '',
      r: el.getBoundingClientRect(),
    }));
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          pairs.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
      }
    return { bars: boxes.length, pairs };
  });

/** The "+N" markers of a lane: how many they hold, what a click does, and the keys of the bars they hold. */
const markersOf = (page: Page, lane: string) =>
  page.locator(`.tl-overflow[data-overflow="${lane}"]`).evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent ?? '',
      items: Number((el as HTMLElement).dataset.items),
      action: (el as HTMLElement).dataset.action,
      holds: ((el as HTMLElement).dataset.holds ?? '').split(' '),
      title: el.getAttribute('title') ?? '',
    })),
  );

const drawnMarks = (page: Page) =>
  page.locator('.tl-mark').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.mark!));

/** A person reading the strip at 1440×900: lanes, an axis that zooms, bars that open their evidence. */
describe('the timeline at 1440×900', () => {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser, 1440, 900)).newPage();
    await openApp(page, inject('baseUrl'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('names its lanes and labels its axis and bars', async () => {
    const lanes = await visibleText(page, '.tl-lane-name');
    expect(lanes[0]).toBe('Events');
    const all = await page.locator('.tl-lane-label').allTextContents();
    expect(all).toContain('Peoplerelations');
    // It opens where the dates are (the 1990s trademarks aside), a year to a label.
    const ticks = await visibleText(page, '.tl-tick-label');
    expect(ticks).toEqual(expect.arrayContaining(['2014', '2015', '2016', '2017', '2018', '2019']));
    expect(ticks).not.toContain('1990');
    await expect(page.getByTestId('timeline-window').textContent()).resolves.toMatch(/^20\d\d–20\d\d$/);
    // Bars carry readable labels, not only colour.
    const labels = await visibleText(page, '.tl-label');
    expect(labels.length).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-1440.png') });
  });

  it('colours each relation’s bar as the graph and its legend colour its status', async () => {
    const bars = await page.evaluate(() => {
      const m = window.threadline!.getState().model!;
      return [...document.querySelectorAll<HTMLElement>('[data-relation]')].map((el) => ({
        status: m.relations.get(el.dataset.relation!)!.status,
        colour: el.style.getPropertyValue('--mark-colour'),
      }));
    });
    expect(bars.length).toBeGreaterThan(10);
    expect(new Set(bars.map((b) => b.status)).size).toBeGreaterThan(2);
    for (const b of bars) expect(b.colour, b.status).toBe(STATUS_LOOKS[b.status].color);
  });

  it('says how many undated items it leaves out', async () => {
    const want = await page.evaluate(() => {
      const m = window.threadline!.getState().model!;
      return [...m.relations.values()].filter((r) => !r.date).length;
    });
    await expect(page.getByTestId('timeline-undated').textContent()).resolves.toMatch(
      new RegExp(`^Undated, not shown: ${want} relations, \\d+ events$`),
    );
  });

  it('zooms from years to months to days with the wheel, about the pointer', async () => {
    await showAll(page);
    let a = await axis(page);
    expect(a.unit).toBe('year');
    const y = a.laneY;
    const pointer = a.xAt(2016.5);
    await page.mouse.move(pointer, y);
    for (let i = 0; i < 8 && a.unit === 'year'; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(
        (s) => Number(document.querySelector<HTMLElement>('.tl-plot')!.dataset.viewStart) !== s,
        a.start,
      );
      a = await axis(page);
    }
    expect(a.unit).toBe('month');
    // The date under the pointer stayed under it.
    // Within the pixel the pointer rounds to.
    expect(Math.abs(a.xAt(2016.5) - pointer)).toBeLessThan(1.5);
    const months = await visibleText(page, '.tl-tick-label');
    expect(months).toEqual(expect.arrayContaining(['2016', 'Jul']));
    for (let i = 0; i < 12 && a.unit === 'month'; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(
        (s) => Number(document.querySelector<HTMLElement>('.tl-plot')!.dataset.viewStart) !== s,
        a.start,
      );
      a = await axis(page);
    }
    expect(a.unit).toBe('day');
    const days = await visibleText(page, '.tl-tick-label');
    expect(days.some((d) => /^\d{1,2}$/.test(d))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-1440-days.png') });
    await page.getByRole('button', { name: 'Show all the years' }).click();
    expect((await axis(page)).unit).toBe('year');
  });

  it('zooms and pans from the keyboard and the buttons', async () => {
    await showAll(page);
    await page.locator('.tl-body').focus();
    const before = await axis(page);
    await page.keyboard.press('+');
    const zoomed = await axis(page);
    expect(zoomed.end - zoomed.start).toBeLessThan(before.end - before.start);
    await page.keyboard.press('ArrowRight');
    const panned = await axis(page);
    expect(panned.start).toBeGreaterThan(zoomed.start);
    expect(panned.end - panned.start).toBeCloseTo(zoomed.end - zoomed.start, 6);
    // The arrow moved the strip, not the selection.
    expect(await page.evaluate(() => window.threadline!.getState().selection)).toBeNull();
    await page.keyboard.press('0');
    expect((await axis(page)).start).toBe(before.start);
    await page.getByRole('button', { name: 'Zoom into the timeline' }).click();
    expect((await axis(page)).end - (await axis(page)).start).toBeLessThan(before.end - before.start);
    await page.getByRole('button', { name: 'Zoom out of the timeline' }).click();
    await expect(page.getByRole('button', { name: 'Zoom out of the timeline' }).isDisabled()).resolves.toBe(
      true,
    );
  });

  it('opens a relation’s evidence in the inspector when its bar is clicked', async () => {
    // Zoomed into 2016, where one relation's bar stands alone.
    await showAll(page);
    const a = await axis(page);
    await page.mouse.move(a.xAt(2016.6), a.laneY);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.tl-plot')!.dataset.unit === 'month',
    );
    const bar = page.locator('[data-relation]').first();
    const id = (await bar.getAttribute('data-relation'))!;
    await bar.click();
    expect(await page.evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'relation',
      id,
    });
    const quote = await page.evaluate((rid) => {
      const m = window.threadline!.getState().model!;
      return m.quotes.get(m.relations.get(rid)!.evidence[0]!)!.exact;
    }, id);
    const inspector = page.getByTestId('inspector');
    await expect(
      inspector
        .locator('blockquote')
        .allTextContents()
        .then((t) => t.join(' ')),
    ).resolves.toContain(quote.slice(0, 40));
    // And the bar shows what is selected.
    await expect(bar.getAttribute('class')).resolves.toContain('is-selected');
  });

  it('brings a bar selected in the graph into the window and marks it', async () => {
    await page.evaluate(() => window.threadline!.actions.addEntities(['helsinki-summit-2018']));
    await waitSettled(page);
    await page.evaluate(() => window.threadline!.actions.selectEntity('helsinki-summit-2018'));
    const mark = page.locator('[data-mark="helsinki-summit-2018"]');
    await expect(mark.getAttribute('class')).resolves.toContain('is-selected');
    const a = await axis(page);
    expect(a.start).toBeLessThan(2018.5);
    expect(a.end).toBeGreaterThan(2018.5);
  });

  it('zoomed out, draws no bar over another: bars with no row left are a "+N" saying what it holds', async () => {
    await page.evaluate(() => window.threadline!.actions.clearSelection());
    await showAll(page);
    const { bars, pairs } = await overlappingBars(page);
    expect(bars).toBeGreaterThan(30);
    expect(pairs).toEqual([]);
    const [marker] = await markersOf(page, 'entities:event');
    expect(marker).toBeDefined();
    expect(marker!.text).toBe(`+${marker!.items}`);
    expect(marker!.holds.length).toBeGreaterThan(1);
    expect(marker!.title).toMatch(new RegExp(`^${marker!.items} more in Events, `));
    expect(marker!.title).toMatch(/Click to zoom in on them\.$/);
    // What it holds is not drawn elsewhere.
    const drawn = new Set(await drawnMarks(page));
    expect(marker!.holds.filter((k) => drawn.has(k))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-1440-overflow.png') });
  });

  it('clicking a "+N" zooms onto its bars and draws them; where zooming cannot part them, it lists them', async () => {
    await showAll(page);
    const before = await axis(page);
    const [marker] = await markersOf(page, 'entities:event');
    const drawnBefore = (await drawnMarks(page)).length;
    await page.locator('.tl-overflow[data-overflow="entities:event"]').first().click();
    const after = await axis(page);
    expect(after.end - after.start).toBeLessThan((before.end - before.start) / 2);
    const drawn = new Set(await drawnMarks(page));
    expect(drawn.size).toBeGreaterThan(drawnBefore);
    expect(marker!.holds.filter((k) => drawn.has(k)).length).toBeGreaterThan(0);
    expect((await overlappingBars(page)).pairs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-1440-overflow-zoomed.png') });
    // Bars of one year stack however far in one zooms: a marker of them lists them instead, to pick one.
    const list = page.getByRole('dialog', { name: /more in Events/ });
    for (let i = 0; i < 6 && (await list.count()) === 0; i++)
      await page.locator('.tl-overflow[data-overflow="entities:event"]').first().click();
    await expect(list.count()).resolves.toBe(1);
    const first = list.getByRole('button').first();
    const name = (await first.textContent())!;
    await first.click();
    const selection = await page.evaluate(() => window.threadline!.getState().selection);
    expect(selection?.kind).toBe('entity');
    const label = await page.evaluate(
      (id) => window.threadline!.getState().model!.entities.get(id)!.name,
      selection!.id,
    );
    expect(name).toContain(label);
    // Picked, it is drawn and marked, out of its marker.
    await expect(page.locator(`[data-mark="${selection!.id}"]`).getAttribute('class')).resolves.toContain(
      'is-selected',
    );
    expect((await overlappingBars(page)).pairs).toEqual([]);
  });

  it('draws what is selected even where its lane is full', async () => {
    await page.evaluate(() => window.threadline!.actions.clearSelection());
    await showAll(page);
    const [marker] = await markersOf(page, 'entities:event');
    const id = marker!.holds.find((k) => !k.startsWith('rel:'))!;
    await page.evaluate((e) => window.threadline!.actions.selectEntity(e), id);
    await expect(page.locator(`[data-mark="${id}"]`).getAttribute('class')).resolves.toContain('is-selected');
    expect((await overlappingBars(page)).pairs).toEqual([]);
    await page.evaluate(() => window.threadline!.actions.clearSelection());
  });

  it('brushing a period at the months’ zoom filters the graph to whole months', async () => {
    await page.evaluate(() => window.threadline!.actions.clearSelection());
    await showAll(page);
    let a = await axis(page);
    await page.mouse.move(a.xAt(2016.5), a.laneY);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.tl-plot')!.dataset.unit === 'month',
    );
    a = await axis(page);
    // On the axis row: no bar there, the press goes to the plot.
    const y = a.axisY;
    await page.mouse.move(a.xAt(2016.45), y);
    await page.mouse.down();
    await page.mouse.move(a.xAt(2016.55), y, { steps: 4 });
    await page.mouse.move(a.xAt(2016.62), y, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.threadline!.getState().filters.timeRange)).toEqual({
      from: '2016-06-01',
      to: '2016-08-31',
    });
    await expect(page.locator('.tl-range-chip').textContent()).resolves.toContain('Jun–Aug 2016');
    await waitSettled(page);
    const drawn = await drawnEntityIds(page);
    expect(drawn).toContain('june-9-meeting');
    expect(drawn).not.toContain('helsinki-summit-2018');
    // Hide undated still works with the period set: an undated relation leaves the graph.
    const undatedDrawn = () =>
      page.evaluate(() => {
        const m = window.threadline!.getState().model!;
        return window
          .threadline!.cy!.edges('[kind = "relation"]')
          .filter((e) => !m.relations.get(e.id())?.date).length;
      });
    expect(await undatedDrawn()).toBeGreaterThan(0);
    await page.locator('.tl-range-chip').getByLabel('hide undated').check();
    await waitSettled(page);
    expect(await undatedDrawn()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-1440-brushed.png') });
    // The month range travels in the link: a reload opens on it, chip and all.
    await page.waitForFunction(() => /tr=2016-06-01_2016-08-31/.test(location.hash));
    await page.reload();
    await waitSettled(page);
    expect(await page.evaluate(() => window.threadline!.getState().filters)).toMatchObject({
      timeRange: { from: '2016-06-01', to: '2016-08-31' },
      hideUndated: true,
    });
    await expect(page.locator('.tl-range-chip').textContent()).resolves.toContain('Jun–Aug 2016');
    await page.locator('.tl-range-chip').getByRole('button', { name: 'Clear the time filter' }).click();
    expect(await page.evaluate(() => window.threadline!.getState().filters.timeRange)).toBeNull();
  });
});

/** On a phone the strip is there, fits the width and scrolls through its lanes. */
describe('the timeline at 390×844', () => {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser, 390, 844)).newPage();
    await openApp(page, inject('baseUrl'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('shows lanes and axis inside the screen, scrolls its lanes and zooms with its buttons', async () => {
    const strip = (await page.getByTestId('timeline').boundingBox())!;
    expect(strip.x).toBeGreaterThanOrEqual(0);
    expect(strip.x + strip.width).toBeLessThanOrEqual(390);
    expect(strip.y + strip.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await visibleText(page, '.tl-lane-name')).toContain('Events');
    // A finger drag pans here, so the strip says so rather than offer a brush.
    await expect(page.locator('.tl-caption').textContent()).resolves.toMatch(/^Swipe sideways/);
    expect((await visibleText(page, '.tl-tick-label')).length).toBeGreaterThan(3);
    const body = page.locator('.tl-body');
    const scroll = await body.evaluate((el) => ({ height: el.scrollHeight, shown: el.clientHeight }));
    expect(scroll.height).toBeGreaterThan(scroll.shown);
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await visibleText(page, '.tl-lane-sub')).toContain('relations');
    const before = await axis(page);
    await page.getByRole('button', { name: 'Zoom into the timeline' }).click();
    const after = await axis(page);
    expect(after.end - after.start).toBeLessThan(before.end - before.start);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-390.png') });
  });

  it('zoomed out, draws no bar over another on a phone either', async () => {
    await showAll(page);
    const { bars, pairs } = await overlappingBars(page);
    expect(bars).toBeGreaterThan(10);
    expect(pairs).toEqual([]);
    expect((await markersOf(page, 'entities:event')).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-390-overflow.png') });
  });

  it('pans with one finger and zooms with two, without setting a period', async () => {
    await showAll(page);
    await page.getByRole('button', { name: 'Zoom into the timeline' }).click();
    const before = await axis(page);
    const touch = (type: string, id: number, x: number) =>
      page.locator('.tl-plot').dispatchEvent(type, {
        pointerId: id,
        pointerType: 'touch',
        isPrimary: id === 1,
        button: 0,
        clientX: x,
        clientY: before.laneY,
      });
    const mid = before.box.x + before.box.width / 2;
    await touch('pointerdown', 1, mid);
    await touch('pointermove', 1, mid - 60);
    await touch('pointerup', 1, mid - 60);
    const panned = await axis(page);
    // The dates moved left under the finger: later dates came into view.
    expect(panned.start).toBeGreaterThan(before.start);
    expect(panned.end - panned.start).toBeCloseTo(before.end - before.start, 6);
    await touch('pointerdown', 1, mid - 40);
    await touch('pointerdown', 2, mid + 40);
    await touch('pointermove', 2, mid + 120);
    await touch('pointerup', 2, mid + 120);
    await touch('pointerup', 1, mid - 40);
    const pinched = await axis(page);
    expect(pinched.end - pinched.start).toBeLessThan(panned.end - panned.start);
    expect(await page.evaluate(() => window.threadline!.getState().filters.timeRange)).toBeNull();
  });
});
