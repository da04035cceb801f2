import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Most of the strip is covered by marks: a drag must brush wherever it starts, a press in place must click. */
describe('the timeline brush', () => {
  const page = sharedAppPage();
  const MARK = '[data-mark="helsinki-summit-2018"]';

  const state = () =>
    page().evaluate(() => {
      const s = window.threadline!.getState();
      return { range: s.filters.timeRange, selection: s.selection };
    });
  /** The page x of a year on the strip's axis. */
  const axis = async () => {
    const plot = page().locator('.tl-plot');
    const box = (await plot.boundingBox())!;
    const [start, end] = await plot.evaluate((el) => [
      Number(el.dataset.viewStart),
      Number(el.dataset.viewEnd),
    ]);
    return (year: number) => box.x + ((year - start!) / (end! - start!)) * box.width;
  };

  it('a drag that starts on a mark brushes a range and does not choose the mark', async () => {
    await page().evaluate(() => window.threadline!.actions.addEntities(['helsinki-summit-2018']));
    await page().evaluate(() => window.threadline!.actions.selectEntity('donald-trump'));
    const mark = (await page().locator(MARK).boundingBox())!;
    const xAt = await axis();
    const from = { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 };
    // Checked, not assumed: the press lands on the mark itself.
    const hit = await page().evaluate(
      (p) => document.elementFromPoint(p.x, p.y)?.closest('[data-mark]')?.getAttribute('data-mark'),
      from,
    );
    expect(hit).toBe('helsinki-summit-2018');
    await page().mouse.move(from.x, from.y);
    await page().mouse.down();
    await page().mouse.move(xAt(2016.5), from.y, { steps: 4 });
    await page().mouse.move(xAt(2015.5), from.y, { steps: 4 });
    await page().mouse.up();
    const after = await state();
    expect(after.range).toEqual({ from: '2015-01-01', to: '2018-12-31' });
    expect(after.selection).toEqual({ kind: 'entity', id: 'donald-trump' });
    await expect(page().locator('.tl-range-chip').textContent()).resolves.toContain('2015–2018');
  });

  it('the range chip covers neither the axis nor the legend', async () => {
    const chip = (await page().locator('.tl-range-chip').boundingBox())!;
    await page().screenshot({ path: join(ARTIFACTS, 'timeline-range-chip.png') });
    const legend = (await page().getByRole('region', { name: 'Legend' }).boundingBox())!;
    expect(intersects(chip, legend)).toBe(false);
    const axisParts = await page().evaluate(() =>
      [...document.querySelectorAll('.tl-tick-label, .tl-tick')].map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(axisParts.length).toBeGreaterThan(0);
    expect(axisParts.filter((b) => intersects(chip, b))).toEqual([]);
    // And it is whole: inside the strip, not cut off by it.
    const strip = (await page().getByTestId('timeline').boundingBox())!;
    expect(chip.y).toBeGreaterThanOrEqual(strip.y);
    expect(chip.y + chip.height).toBeLessThanOrEqual(strip.y + strip.height);
    await page().locator('.tl-range-chip').getByRole('button', { name: 'Clear the time filter' }).click();
    expect((await state()).range).toBeNull();
  });

  it('a press released in place on a mark still clicks it, even with a pixel of jitter', async () => {
    const mark = (await page().locator(MARK).boundingBox())!;
    const at = { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 };
    await page().mouse.move(at.x, at.y);
    await page().mouse.down();
    await page().mouse.move(at.x + 2, at.y);
    await page().mouse.up();
    const after = await state();
    expect(after.selection).toEqual({ kind: 'entity', id: 'helsinki-summit-2018' });
    expect(after.range).toBeNull();
  });
});

/** A period brushed to the month is shown and edited in Filters at its months, not rounded to years. */
describe('the brushed period in the Filters panel', () => {
  const page = sharedAppPage();
  const range = () => page().evaluate(() => window.threadline!.getState().filters.timeRange);

  it('shows the months brushed and edits one end without losing them', async () => {
    const plot = page().locator('.tl-plot');
    const box = (await plot.boundingBox())!;
    const body = (await page().locator('.tl-body').boundingBox())!;
    const view = () =>
      plot.evaluate((el) => ({ start: Number(el.dataset.viewStart), end: Number(el.dataset.viewEnd) }));
    let w = await view();
    const xAt = (year: number) => box.x + ((year - w.start) / (w.end - w.start)) * box.width;
    await page().mouse.move(xAt(2016.5), body.y + 40);
    for (let i = 0; i < 8 && (await plot.getAttribute('data-unit')) !== 'month'; i++) {
      await page().mouse.wheel(0, -400);
      await page().waitForFunction(
        (s) => Number(document.querySelector<HTMLElement>('.tl-plot')!.dataset.viewStart) !== s,
        w.start,
      );
      w = await view();
    }
    expect(await plot.getAttribute('data-unit')).toBe('month');
    // On the sticky axis row, where no bar is: the press brushes.
    const y = body.y + 8;
    await page().mouse.move(xAt(2016.45), y);
    await page().mouse.down();
    await page().mouse.move(xAt(2016.55), y, { steps: 4 });
    await page().mouse.move(xAt(2016.62), y, { steps: 4 });
    await page().mouse.up();
    expect(await range()).toEqual({ from: '2016-06-01', to: '2016-08-31' });

    // Its button counts the filters set: "Filters 1".
    await page()
      .getByRole('button', { name: /^Filters/ })
      .click();
    const panel = page().getByTestId('filters-panel');
    await expect(panel.getByTestId('time-period').textContent()).resolves.toBe('Jun–Aug 2016');
    const value = (name: string) => panel.getByLabel(name, { exact: true }).inputValue();
    expect([await value('From year'), await value('From month')]).toEqual(['2016', '6']);
    expect([await value('To year'), await value('To month')]).toEqual(['2016', '8']);
    await panel.screenshot({ path: join(ARTIFACTS, 'filters-period-months.png') });

    // A later year for the end: the months stay.
    await panel.getByLabel('To year', { exact: true }).selectOption('2017');
    expect(await range()).toEqual({ from: '2016-06-01', to: '2017-08-31' });
    await expect(panel.getByTestId('time-period').textContent()).resolves.toBe('Jun 2016 – Aug 2017');
    await expect(page().locator('.tl-range-chip').textContent()).resolves.toContain('Jun 2016 – Aug 2017');
    // An earlier month for the start: the end stays where it was.
    await panel.getByLabel('From month', { exact: true }).selectOption({ label: 'Mar' });
    expect(await range()).toEqual({ from: '2016-03-01', to: '2017-08-31' });

    await panel.getByRole('button', { name: 'clear' }).click();
    expect(await range()).toBeNull();
    await expect(panel.getByTestId('time-period').textContent()).resolves.toBe('Any time');
    await expect(panel.getByLabel('From month', { exact: true }).isDisabled()).resolves.toBe(true);
  });
});
