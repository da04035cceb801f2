import { describe, expect, it } from 'vitest';
import { timelineData } from '../../src/model/analysis/timeline';
import { laneOf, packLane, type RowBar } from '../../src/model/analysis/timeline-lanes';
import { zoomWindow, type Span } from '../../src/model/analysis/timeline-zoom';
import type { Model } from '../../src/model/core/model';
import { mulberry32 } from '../../src/model/core/prng';
import { layoutTimeline, seedMarks, type TimelineLayout } from '../../src/features/timeline/timeline-layout';
import { tinyModel, trumpPutin } from './analysis-graphs';

const bar = (x0: number, x1: number, reach = x1, items = 1): RowBar => ({ x0, x1, reach, items });
const options = { plotWidth: 1000, markerWidth: (n: number) => 14 + 6 * String(n).length };

describe('a lane’s rows', () => {
  it('puts each bar in the first row free for it and its label', () => {
    const packed = packLane([bar(0, 10, 40), bar(20, 30), bar(45, 60), bar(50, 55)], {
      ...options,
      maxRows: 3,
    });
    expect(packed.rows).toEqual([0, 1, 0, 1]);
    expect(packed.rowCount).toBe(2);
    expect(packed.overflow).toEqual([]);
  });

  it('gathers the bars that find no row into a "+N" over them, in the last row, rather than stack them', () => {
    // Six bars over one another, three rows: two rows of bars, and a marker for the four left.
    const bars = [0, 1, 2, 3, 4, 5].map((k) => bar(k, 100 + k, 100 + k, k === 5 ? 3 : 1));
    const packed = packLane(bars, { ...options, maxRows: 3 });
    expect(packed.rows).toEqual([0, 1, null, null, null, null]);
    expect(packed.rowCount).toBe(3);
    expect(packed.overflow).toHaveLength(1);
    const [marker] = packed.overflow;
    expect(marker!.members).toEqual([2, 3, 4, 5]);
    // It counts what the bars stand for: the last is a group of three relations.
    expect(marker!.items).toBe(6);
    expect(marker!.x).toBe(2);
    expect(marker!.x + marker!.width).toBe(105);
  });

  it('keeps markers apart: crowds far apart get one each, crowds whose "+N" would touch share one', () => {
    const crowd = (at: number) => [bar(at, at + 5), bar(at + 1, at + 5), bar(at + 2, at + 5)];
    const apart = packLane([...crowd(0), ...crowd(500)], { ...options, maxRows: 2 });
    expect(apart.overflow.map((m) => m.members)).toEqual([
      [1, 2],
      [4, 5],
    ]);
    const near = [...crowd(0), ...crowd(12)];
    const narrow = packLane(near, { ...options, markerWidth: () => 4, maxRows: 2 });
    expect(narrow.overflow.map((m) => m.members)).toEqual([
      [1, 2],
      [4, 5],
    ]);
    // A marker is never narrower than its "+N": two that would overlap become one.
    const wide = packLane(near, { ...options, markerWidth: () => 30, maxRows: 2 });
    expect(wide.overflow.map((m) => m.members)).toEqual([[1, 2, 4, 5]]);
    expect(wide.overflow[0]!.width).toBe(30);
  });

  it('draws a bar left alone in the markers’ row as itself, not as "+1"', () => {
    const packed = packLane([bar(0, 50), bar(1, 50), bar(2, 50), bar(300, 320), bar(301, 320)], {
      ...options,
      maxRows: 2,
    });
    expect(packed.overflow.map((m) => m.members)).toEqual([[1, 2]]);
    expect(packed.rows).toEqual([0, null, null, 0, 1]);
  });

  it('keeps a marker inside the plot at its right edge', () => {
    const packed = packLane([bar(990, 1008), bar(991, 1008), bar(992, 1008)], {
      ...options,
      markerWidth: () => 40,
      maxRows: 2,
    });
    const [marker] = packed.overflow;
    expect(marker!.x + marker!.width).toBeLessThanOrEqual(1000);
  });

  it('draws the bar it must keep (the selection) even where the rows are full', () => {
    const bars = [0, 1, 2, 3].map((k) => bar(k, 100));
    expect(packLane(bars, { ...options, maxRows: 2 }).rows[3]).toBeNull();
    const kept = packLane(bars, { ...options, maxRows: 2, keep: 3 });
    expect(kept.rows[3]).toBe(0);
    expect(kept.overflow.flatMap((m) => m.members)).not.toContain(3);
    expect(kept.overflow.flatMap((m) => m.members)).toHaveLength(3);
  });
});

/** Everything one lane of a layout draws, as rectangles on the lanes' area. */
function drawn(layout: TimelineLayout) {
  return [
    ...layout.marks.map((m) => ({ key: m.key, lane: m.lane.key, top: m.top, x0: m.x, x1: m.x + m.width })),
    ...layout.overflow.map((m) => ({ key: m.key, lane: m.lane.key, top: m.top, x0: m.x, x1: m.x + m.width })),
  ];
}

/** Laid out at many zooms and positions, on a desktop strip and a phone's. */
function everyZoom(
  model: Model,
  check: (layout: TimelineLayout, all: TimelineLayout, width: number, maxRows: number) => void,
): number {
  const { items, domain } = timelineData(model);
  const seeds = seedMarks(items, (i) => laneOf(model, i));
  let gathered = 0;
  for (const [width, maxRows] of [
    [1250, 8],
    [300, 3],
  ] as const) {
    const windows: Span[] = [domain!];
    for (const factor of [0.6, 0.3, 0.12, 0.05, 0.01, 0.001])
      for (const anchor of [0, 0.25, 0.5, 0.7, 0.8, 0.85, 1])
        windows.push(zoomWindow(domain!, domain!, factor, anchor));
    for (const window of windows) {
      const o = {
        width,
        window,
        domain: domain!,
        rowHeight: 18,
        laneGap: 6,
        measure: (t: string) => t.length * 6,
      };
      const layout = layoutTimeline(seeds, { ...o, maxRows });
      // With rows enough for every bar: what the window holds.
      const all = layoutTimeline(seeds, { ...o, maxRows: 10_000 });
      expect(all.overflow).toEqual([]);
      check(layout, all, width, maxRows);
      gathered += layout.overflow.length;
    }
  }
  return gathered;
}

function checkLayout(layout: TimelineLayout, all: TimelineLayout, width: number, maxRows: number) {
  // No two things drawn in one row of a lane overlap: bars and markers alike.
  const rows = new Map<string, ReturnType<typeof drawn>>();
  for (const d of drawn(layout))
    rows.set(`${d.lane}@${d.top}`, [...(rows.get(`${d.lane}@${d.top}`) ?? []), d]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < row.length; k++)
      expect(row[k]!.x0, `${row[k - 1]!.key} and ${row[k]!.key}`).toBeGreaterThanOrEqual(row[k - 1]!.x1);
  }
  // What is gathered is what was left out: drawn and gathered together are every mark in the window, once.
  const held = layout.overflow.flatMap((m) => m.held.map((h) => h.key));
  expect([...layout.marks.map((m) => m.key), ...held].sort()).toEqual(all.marks.map((m) => m.key).sort());
  for (const m of layout.overflow) {
    expect(m.items).toBe(m.held.reduce((n, h) => n + h.ids.length, 0));
    expect(m.held.length).toBeGreaterThan(1);
    expect(m.held.every((h) => h.lane.key === m.lane.key)).toBe(true);
    expect(m.x + m.width).toBeLessThanOrEqual(width);
  }
  // A lane never takes more rows than it may, its markers' row included.
  for (const lane of layout.lanes) expect(lane.rows).toBeLessThanOrEqual(maxRows);
}

describe('the timeline’s lanes at every zoom', () => {
  it('draws no bar over another on the bundled dataset, and gathers the rest into counted markers', () => {
    const markers = everyZoom(trumpPutin(), checkLayout);
    // Crowded enough somewhere that markers were needed, or the checks above prove little.
    expect(markers).toBeGreaterThan(10);
  });

  it('does the same for a dense synthetic dataset: hundreds of dates of every precision in a few years', () => {
    const rng = mulberry32(15);
    const date = () => {
      const y = 2014 + rng.int(5);
      const m = String(1 + rng.int(12)).padStart(2, '0');
      const d = String(1 + rng.int(28)).padStart(2, '0');
      return rng.pick([`${y}`, `${y}-${m}`, `${y}-${m}-${d}`, `${y}-${m}-${d}`]);
    };
    const people = Array.from({ length: 40 }, (_, k) => `p${k}`);
    const lines = Array.from({ length: 600 }, () => `${rng.pick(people)} ${rng.pick(people)} fact ${date()}`);
    const events = Array.from({ length: 150 }, (_, k) => `e${k}`);
    const model = tinyModel(lines, {
      types: Object.fromEntries(events.map((e) => [e, 'event'] as const)),
      dates: Object.fromEntries(events.map((e) => [e, date()])),
      extra: events,
    });
    const markers = everyZoom(model, checkLayout);
    expect(markers).toBeGreaterThan(50);
  });
});
