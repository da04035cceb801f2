import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { inOrder } from '../../src/model/analysis/chronology';
import { timelineData, type TimelineItem } from '../../src/model/analysis/timeline';
import { articleBundle } from './fixtures';

const item = (id: string, start: number | null, end: number | null, kind: TimelineItem['kind'] = 'entity') =>
  ({ kind, id, label: id, date: {} as TimelineItem['date'], start, end }) as TimelineItem;

describe('the chronology, in order', () => {
  it('puts the earliest first, a year before a month it contains, and an open start by its end', () => {
    const order = inOrder([
      item('july-2018', 2018.5, 2018.58),
      item('2018', 2018, 2019),
      item('until-2016', null, 2016),
      item('2017', 2017, 2018, 'relation'),
    ]).map((i) => i.id);
    expect(order).toEqual(['until-2016', '2017', '2018', 'july-2018']);
  });

  it('orders every dated item of the article, each not before the one above it', () => {
    const model = buildModel(articleBundle());
    const ordered = inOrder(timelineData(model).items);
    expect(ordered.length).toBe(model.dates.count);
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1]!, ordered[i]!];
      expect((a.start ?? a.end)!).toBeLessThanOrEqual((b.start ?? b.end)!);
    }
  });
});
