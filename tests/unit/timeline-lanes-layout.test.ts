import { describe, expect, it } from 'vitest';
import { timelineData } from '../../src/model/analysis/timeline';
import { laneOf } from '../../src/model/analysis/timeline-lanes';
import { zoomWindow, type Span } from '../../src/model/analysis/timeline-zoom';
import { yearValue } from '../../src/model/core/date-axis';
import {
  layoutTimeline,
  MIN_MARK,
  OPEN_TAIL,
  seedMarks,
  type Mark,
  type PlacedMark,
  type TimelineLayout,
} from '../../src/features/timeline/timeline-layout';
import { trumpPutin } from './analysis-graphs';

const model = trumpPutin();
const { items, domain } = timelineData(model);
const seeds = seedMarks(items, (i) => laneOf(model, i));
const WIDTH = 1250;

const layout = (window: Span = domain!, maxRows = 8) =>
  layoutTimeline(seeds, {
    width: WIDTH,
    window,
    domain: domain!,
    maxRows,
    rowHeight: 18,
    laneGap: 6,
    measure: (text) => text.length * 6,
  });
/** Every mark in the window, drawn in a row or gathered into a "+N" marker. */
const placed = (l: TimelineLayout): PlacedMark[] => [...l.marks, ...l.overflow.flatMap((o) => o.held)];
const markOf = (marks: readonly PlacedMark[], id: string) => marks.find((m) => m.ids.includes(id));

describe('timeline lanes', () => {
  it('gives dated entities a lane per type, then relations a lane per type of what they are about', () => {
    const { lanes } = layout();
    const names = lanes.map((l) => `${l.info.label}${l.info.sub ? ` ${l.info.sub}` : ''}`);
    expect(names[0]).toBe('Events');
    const firstRelations = names.findIndex((n) => n.endsWith('relations'));
    expect(names.slice(firstRelations).every((n) => n.endsWith(' relations'))).toBe(true);
    expect(names[firstRelations]).toBe('People relations');
    expect(new Set(names).size).toBe(names.length);
  });

  it('puts a declared type in its base type’s lane and a relation in its subject’s', () => {
    const marks = placed(layout());
    // An investigation is a kind of event.
    expect(markOf(marks, 'fbi-investigation')!.lane.key).toBe('entities:event');
    // "Eric Trump funded by Russia": about Eric Trump, a person.
    expect(markOf(marks, 'eric-funding-from-russia')!.lane.key).toBe('relations:person');
  });

  it('stacks a lane’s bars in rows so that none covers another while rows suffice', () => {
    const { marks, lanes } = layout(domain!, 40);
    expect(lanes.some((l) => l.rows > 1)).toBe(true);
    const byRow = new Map<string, Mark[]>();
    for (const m of marks)
      byRow.set(`${m.lane.key}/${m.row}`, [...(byRow.get(`${m.lane.key}/${m.row}`) ?? []), m]);
    for (const row of byRow.values()) {
      const sorted = [...row].sort((a, b) => a.x - b.x);
      for (let k = 1; k < sorted.length; k++)
        expect(sorted[k]!.x, sorted[k]!.key).toBeGreaterThanOrEqual(sorted[k - 1]!.x + sorted[k - 1]!.width);
    }
    // Lanes do not overlap either: each starts below the one before.
    for (let k = 1; k < lanes.length; k++)
      expect(lanes[k]!.top).toBeGreaterThanOrEqual(lanes[k - 1]!.top + lanes[k - 1]!.height);
  });
});

describe('timeline precision', () => {
  // 2016 to 2019 over 1250 px: a year is about 416 px, a day a little over one.
  const window = { start: 2016, end: 2019 };
  const marks = placed(layout(window));
  const perYear = WIDTH / 3;

  it('draws a date known to the year as the whole year, never as a day', () => {
    const g20 = markOf(marks, 'g20-buenos-aires-2018')!;
    expect(g20.date.precision).toBe('year');
    expect(g20.x).toBeCloseTo((2018 - 2016) * perYear, 6);
    expect(g20.width).toBeCloseTo(perYear, 6);
    expect(g20.point).toBe(false);
  });

  it('draws a month as the month, and a single day too narrow to span as a dot on that day', () => {
    const helsinki = markOf(marks, 'helsinki-summit-2018')!;
    expect(helsinki.width).toBeCloseTo((yearValue('2018-08-01') - yearValue('2018-07-01')) * perYear, 6);
    expect(helsinki.point).toBe(false);
    const dnc = markOf(marks, 'dnc-hack-announcement')!;
    expect(dnc.point).toBe(true);
    expect(dnc.width).toBe(MIN_MARK);
    const day = (yearValue('2016-06-14') - 2016) * perYear;
    expect(dnc.x + dnc.width / 2).toBeCloseTo(day + perYear / 366 / 2, 6);
  });

  it('draws an unknown start as a short tail ending at the known end, not a span back to the axis’s start', () => {
    const all = placed(layout());
    const eric = markOf(all, 'eric-funding-from-russia')!;
    expect(eric.openStart).toBe(true);
    expect(eric.width).toBeCloseTo(OPEN_TAIL, 6);
    expect(eric.x + eric.width).toBeCloseTo(
      ((2015 - domain!.start) / (domain!.end - domain!.start)) * WIDTH,
      6,
    );
  });

  it('leaves out what the window does not reach but keeps every lane, so lanes do not jump while zooming', () => {
    const whole = layout();
    const zoomed = layout(zoomWindow(domain!, domain!, 0.02, 0.8));
    expect(placed(zoomed).length).toBeLessThan(placed(whole).length);
    expect(zoomed.lanes.map((l) => l.info.key)).toEqual(whole.lanes.map((l) => l.info.key));
    expect(placed(zoomed).every((m) => m.x + m.width >= -10 && m.x <= WIDTH + 10)).toBe(true);
  });
});
