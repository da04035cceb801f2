import { describe, expect, it } from 'vitest';
import { yearValue } from '../../src/model/core/date-axis';
import { axisTicks, MIN_TICK_GAP } from '../../src/model/analysis/timeline-ticks';
import { zoomWindow } from '../../src/model/analysis/timeline-zoom';

const ARTICLE = { start: 1990, end: 2025 };
const WIDTH = 1250;

describe('timeline axis ticks', () => {
  it('labels years across the article at 1440 px, a decade in bold', () => {
    const { unit, step, ticks } = axisTicks(ARTICLE, WIDTH);
    expect([unit, step]).toEqual(['year', 2]);
    expect(ticks.map((t) => t.label).slice(0, 6)).toEqual(['1990', '1992', '1994', '1996', '1998', '2000']);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['1990', '2000', '2010', '2020']);
  });

  it('goes from years to months to days as the window narrows', () => {
    const units: string[] = [];
    let w = ARTICLE;
    for (let i = 0; i < 20; i++) {
      units.push(axisTicks(w, WIDTH).unit);
      w = zoomWindow(w, ARTICLE, 0.6, 0.75);
    }
    expect(units[0]).toBe('year');
    expect(units).toContain('month');
    expect(units[units.length - 1]).toBe('day');
    // Never back to a coarser unit while zooming in.
    const rank = { year: 0, month: 1, day: 2 } as const;
    const ranks = units.map((u) => rank[u as keyof typeof rank]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('names months by their short name and a year’s first month by the year', () => {
    const { unit, ticks } = axisTicks({ start: 2016, end: 2017.45 }, WIDTH);
    expect(unit).toBe('month');
    expect(ticks.map((t) => t.label)).toEqual([
      '2016',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      '2017',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
    ]);
    // Each falls on the first of its month, not on a twelfth of the year.
    expect(ticks[6]!.at).toBe(yearValue('2016-07-01'));
  });

  it('names days by number and a month’s first day by the month, on real calendar days', () => {
    const window = { start: yearValue('2016-02-20'), end: yearValue('2016-03-10') };
    const { unit, step, ticks } = axisTicks(window, WIDTH);
    expect([unit, step]).toEqual(['day', 1]);
    const labels = ticks.map((t) => t.label);
    // 2016 is a leap year: 29 February is there, and 1 March is named by its month.
    expect(labels.slice(labels.indexOf('28'), labels.indexOf('28') + 4)).toEqual(['28', '29', 'Mar', '2']);
    expect(ticks.find((t) => t.label === 'Mar')!.major).toBe(true);
  });

  it('keeps every pair of labels a readable distance apart, whatever the window and width', () => {
    let checked = 0;
    for (const width of [300, 700, 1250, 2400])
      for (let w = ARTICLE, i = 0; i < 24; i++, w = zoomWindow(w, ARTICLE, 0.55, (i % 5) / 4)) {
        const { ticks } = axisTicks(w, width);
        expect(ticks.length).toBeGreaterThan(0);
        for (let k = 1; k < ticks.length; k++) {
          // A month's last day-step is dropped rather than crowd the next month's first day.
          expect(ticks[k]!.x - ticks[k - 1]!.x, `${width} px, ${w.start}–${w.end}`).toBeGreaterThanOrEqual(
            MIN_TICK_GAP * 0.5,
          );
          checked++;
        }
        expect(ticks.every((t) => t.x >= 0 && t.x <= width + 1e-6)).toBe(true);
      }
    expect(checked).toBeGreaterThan(500);
  });

  it('draws nothing for an empty plot or window rather than looping', () => {
    expect(axisTicks(ARTICLE, 0).ticks).toEqual([]);
    expect(axisTicks({ start: 2000, end: 2000 }, WIDTH).ticks).toEqual([]);
  });
});
