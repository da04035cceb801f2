import { describe, expect, it } from 'vitest';
import { yearValue } from '../../src/model/core/date-axis';
import {
  brushRange,
  clampWindow,
  dayAt,
  focusWindow,
  isWhole,
  MIN_SPAN,
  overflowTarget,
  panWindow,
  rangeWords,
  spanWords,
  zoomWindow,
} from '../../src/model/analysis/timeline-zoom';

const DOMAIN = { start: 1990, end: 2025 };

describe('timeline window', () => {
  it('zooms about the anchor, which stays at the same place on screen', () => {
    const w = zoomWindow(DOMAIN, DOMAIN, 0.5, 0.75);
    expect(w.end - w.start).toBeCloseTo(17.5, 9);
    // 0.75 of the way along: 2016.25 before and after.
    expect(w.start + 0.75 * (w.end - w.start)).toBeCloseTo(2016.25, 9);
  });

  it('stays inside the domain, and no closer than two weeks nor wider than the domain', () => {
    let w = DOMAIN;
    for (let i = 0; i < 60; i++) w = zoomWindow(w, DOMAIN, 0.5, 1);
    expect(w.end - w.start).toBeCloseTo(MIN_SPAN, 9);
    expect(w.end).toBeCloseTo(2025, 9);
    expect(zoomWindow(w, DOMAIN, 1e6)).toEqual(DOMAIN);
    expect(panWindow({ start: 2020, end: 2024 }, DOMAIN, 3)).toEqual({ start: 2021, end: 2025 });
    expect(panWindow({ start: 1991, end: 1995 }, DOMAIN, -3)).toEqual({ start: 1990, end: 1994 });
    expect(clampWindow({ start: 1900, end: 2100 }, DOMAIN)).toEqual(DOMAIN);
    expect(isWhole(DOMAIN, DOMAIN)).toBe(true);
    expect(isWhole(panWindow(zoomWindow(DOMAIN, DOMAIN, 0.5), DOMAIN, 0.1), DOMAIN)).toBe(false);
  });
});

describe('the window the strip opens on', () => {
  const at = (start: number | null, end: number | null) => ({ start, end });

  it('leaves a few outliers out, so the rest is not squeezed into a corner', () => {
    const spans = [
      at(1990, null),
      ...Array.from({ length: 60 }, (_, i) => at(2014 + (i % 6), 2014 + (i % 6) + 1)),
    ];
    expect(focusWindow(spans, DOMAIN)).toEqual({ start: 2013, end: 2021 });
  });

  it('shows the whole domain for a handful of items or items spread across it', () => {
    expect(focusWindow([at(2016, 2017), at(2018, 2019)], DOMAIN)).toEqual(DOMAIN);
    const spread = Array.from({ length: 40 }, (_, i) => at(1990 + i * 0.85, 1991 + i * 0.85));
    expect(focusWindow(spread, DOMAIN)).toEqual(DOMAIN);
  });
});

describe('a brushed span as the time filter', () => {
  it('finds the calendar day of a fractional year, leap days included', () => {
    expect(dayAt(yearValue('2016-02-29'))).toEqual({ y: 2016, m: 2, d: 29 });
    expect(dayAt(yearValue('2016-12-31') + 0.001)).toEqual({ y: 2016, m: 12, d: 31 });
    expect(dayAt(2017)).toEqual({ y: 2017, m: 1, d: 1 });
  });

  it('widens to whole years, months or days as the axis shows them', () => {
    const a = yearValue('2016-06-10') + 0.0001;
    const b = yearValue('2016-08-20') + 0.0001;
    expect(brushRange(a, b, 'year')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(brushRange(b, a, 'month')).toEqual({ from: '2016-06-01', to: '2016-08-31' });
    expect(brushRange(a, b, 'day')).toEqual({ from: '2016-06-10', to: '2016-08-20' });
    // A brush ending exactly where a year begins does not take that year in.
    expect(brushRange(2015.5, 2018, 'year')).toEqual({ from: '2015-01-01', to: '2017-12-31' });
  });

  it('is said at its own precision', () => {
    expect(rangeWords({ from: '2018-01-01', to: '2018-12-31' })).toBe('2018');
    expect(rangeWords({ from: '2015-01-01', to: '2018-12-31' })).toBe('2015–2018');
    expect(rangeWords({ from: '2016-06-01', to: '2016-08-31' })).toBe('Jun–Aug 2016');
    expect(rangeWords({ from: '2016-02-01', to: '2016-02-29' })).toBe('Feb 2016');
    expect(rangeWords({ from: '2016-11-01', to: '2017-02-28' })).toBe('Nov 2016 – Feb 2017');
    expect(rangeWords({ from: '2016-06-10', to: '2016-08-20' })).toBe('10 Jun – 20 Aug 2016');
    expect(rangeWords({ from: '2016-06-10', to: '2016-06-20' })).toBe('10–20 Jun 2016');
  });
});

describe('a "+N" marker clicked', () => {
  it('zooms onto the part of the window its bars cover, with a margin, so they spread out', () => {
    const t = overflowTarget({ start: 2016, end: 2018 }, DOMAIN, DOMAIN)!;
    expect(t.start).toBeCloseTo(2015.8, 9);
    expect(t.end).toBeCloseTo(2018.2, 9);
    // A bar running on past the window does not zoom out: only what is in the window counts.
    const inside = overflowTarget({ start: 1990, end: 2018 }, { start: 2015, end: 2020 }, DOMAIN)!;
    expect(inside.start).toBeCloseTo(2014.7, 9);
    expect(inside.end).toBeCloseTo(2018.3, 9);
  });

  it('lists its bars instead when zooming would not part them', () => {
    // Bars all of 2016 in a window of little more than 2016: however close, they stay on top of one another.
    expect(overflowTarget({ start: 2016, end: 2017 }, { start: 2015.9, end: 2017.1 }, DOMAIN)).toBeNull();
    // At the closest zoom there is nowhere further to go.
    const closest = { start: 2016.5, end: 2016.5 + MIN_SPAN };
    expect(overflowTarget({ start: 2016.51, end: 2016.52 }, closest, DOMAIN)).toBeNull();
  });

  it('names a span at the precision it spans', () => {
    expect(spanWords({ start: 1990, end: 2025 })).toBe('1990–2024');
    expect(spanWords({ start: 2016, end: 2017 })).toBe('2016');
    expect(spanWords({ start: yearValue('2016-06-01'), end: yearValue('2016-09-01') })).toBe('Jun–Aug 2016');
  });
});
