import { describe, expect, it } from 'vitest';
import {
  axisDomain,
  brushToTimeRange,
  timelineData,
  timeRangeSpan,
  undatedCount,
} from '../../src/model/analysis/timeline';
import { baseTypeOf } from '../../src/model/core/entity-types';
import { yearValue, yearValueAfter } from '../../src/model/core/date-axis';
import { layoutTimeline, MIN_MARK, seedMarks } from '../../src/features/timeline/timeline-layout';
import { laneOf, packLane } from '../../src/model/analysis/timeline-lanes';
import { NO_FILTERS } from '../../src/model/core/filters';
import { subgraphOf } from '../../src/model/core/subgraph';
import { tinyModel, trumpPutin } from './analysis-graphs';

describe('timeline data', () => {
  it('places dates as fractional years, a day covering a whole day', () => {
    expect(yearValue('2018-01-01')).toBe(2018);
    expect(yearValueAfter('2018-12-31')).toBe(2019);
    expect(yearValue('2018-07-01')).toBeCloseTo(2018 + 181 / 365, 6);
  });

  it('keeps each date’s extent: a year spans the year, a decade ten, open ends stay open', () => {
    const m = tinyModel(['a b fact 2016', 'b c fact 2018-07-16'], {
      types: { e: 'event', d: 'event' },
      dates: { e: '1990s', d: '2018-07' },
      extra: ['e', 'd'],
    });
    const { items, domain } = timelineData(m);
    const at = (id: string) => items.find((i) => i.id === id)!;
    expect([at('a-b').start, at('a-b').end]).toEqual([2016, 2017]);
    expect([at('e').start, at('e').end, at('e').date.precision]).toEqual([1990, 2000, 'decade']);
    expect(at('d').end! - at('d').start!).toBeCloseTo(31 / 365, 6);
    expect(at('b-c').end! - at('b-c').start!).toBeCloseTo(1 / 365, 6);
    expect(domain).toEqual({ start: 1990, end: 2020 });
  });

  it('spans the Trump–Putin article from the 1990s to 2025, open intervals included', () => {
    const { items, domain } = timelineData(trumpPutin());
    expect(domain).toEqual({ start: 1990, end: 2025 });
    const trademarks = items.find((i) => i.id === 'trump-trademarks-in-russia')!;
    expect(trademarks).toMatchObject({ start: 1990, end: null });
    const nbc = items.find((i) => i.id === 'nbc-interview')!;
    expect(nbc).toMatchObject({ start: null, end: 2017 });
    expect(items.find((i) => i.id === 'first-impeachment-trial')!.date.approximate).toBe(true);
  });

  it('turns a brush into whole years, and back', () => {
    expect(brushToTimeRange(2018.2, 2018.7)).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    expect(brushToTimeRange(2018.9, 2016.1)).toEqual({ from: '2016-01-01', to: '2018-12-31' });
    expect(timeRangeSpan({ from: '2016-01-01', to: '2018-12-31' })).toEqual({ start: 2016, end: 2019 });
  });
});

describe('timeline layout', () => {
  it('packs marks into the first free row, and gathers those with none into a marker, never over another', () => {
    const e = (x0: number, x1: number) => ({ x0, x1, reach: x1, items: 1 });
    const o = { maxRows: 2, plotWidth: 300, markerWidth: () => 20 };
    expect(packLane([e(0, 10), e(5, 20), e(14, 30), e(24, 28)], o).rows).toEqual([0, 1, 0, 1]);
    const crowded = packLane([e(0, 10), e(1, 10), e(2, 10)], o);
    expect(crowded.rows).toEqual([0, null, null]);
    expect(crowded.overflow.map((m) => [m.members, m.items])).toEqual([[[1, 2], 2]]);
  });

  it('groups relations that share a date and lane, and gives narrow dates a visible width', () => {
    const m = tinyModel(['a b fact 2018-07', 'b c claim 2018-07', 'c d fact 2016-05-02']);
    const { items, domain } = timelineData(m);
    const layout = layoutTimeline(
      seedMarks(items, (i) => laneOf(m, i)),
      {
        width: 500,
        window: domain!,
        domain: domain!,
        maxRows: 3,
        rowHeight: 18,
        laneGap: 6,
        measure: (text) => text.length * 6,
      },
    );
    expect(layout.marks.map((r) => r.ids)).toEqual([['c-d'], ['a-b', 'b-c']]);
    expect(layout.marks.every((r) => r.width >= MIN_MARK)).toBe(true);
    expect(layout.marks[0]!.point).toBe(true);
    // 100 px a year leaves room for half-years: each year begins with a major tick named by the year.
    expect(layout.ticks.unit).toBe('month');
    expect(layout.ticks.ticks.filter((t) => t.major).map((t) => t.label)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
    ]);
  });
});

describe('date overview gathered while building', () => {
  it('agrees with the full timeline: count, domain and items per year', () => {
    const m = trumpPutin();
    const { items, domain } = timelineData(m);
    expect(m.dates.count).toBe(items.length);
    expect(axisDomain(m.dates.min, m.dates.max)).toEqual(domain);
    const perYear = new Map<number, number>();
    for (const i of items) {
      const y = Math.floor(i.start ?? i.end ?? 0);
      perYear.set(y, (perYear.get(y) ?? 0) + 1);
    }
    expect(new Map([...m.dates.perYear].sort())).toEqual(new Map([...perYear].sort()));
  });

  it('limits the items to a view on the whole dataset’s axis', () => {
    const m = trumpPutin();
    const view = subgraphOf(m, ['donald-trump', 'vladimir-putin'], NO_FILTERS);
    const { items, domain } = timelineData(m, view);
    expect(domain).toEqual(timelineData(m).domain);
    const shown = new Set([...view.entityIds, ...view.relations.map((r) => r.id)]);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => shown.has(i.id))).toBe(true);
  });

  it('counts what the strip cannot place: undated relations and events, in the dataset or a view', () => {
    const m = trumpPutin();
    const relations = [...m.relations.values()];
    const events = [...m.entities.values()].filter((e) => baseTypeOf(m, e.type) === 'event');
    expect(undatedCount(m)).toEqual({
      relations: relations.filter((r) => !r.date).length,
      events: events.filter((e) => !e.date).length,
    });
    expect(undatedCount(m).relations).toBeGreaterThan(0);
    const view = subgraphOf(m, ['donald-trump', 'vladimir-putin', 'helsinki-summit-2018'], NO_FILTERS);
    expect(undatedCount(m, view)).toEqual({
      relations: view.relations.filter((r) => !r.date).length,
      events: 0,
    });
    // Dated and undated together are the whole: nothing is counted twice or lost.
    expect(
      undatedCount(m).relations + timelineData(m).items.filter((i) => i.kind === 'relation').length,
    ).toBe(relations.length);
  });
});
