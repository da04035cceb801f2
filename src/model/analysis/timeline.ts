/** Dated entities and relations placed on a year axis; spans keep each date's real extent (a year covers the whole year). */
import type { ResolvedDate } from '../dates';
import type { Model } from '../graph';
import { relationSentence } from '../queries';

export interface TimelineItem {
  kind: 'entity' | 'relation';
  id: string;
  label: string;
  date: ResolvedDate;
  /** Fractional years; null for an open end ("until 2016", "1990s onwards"). */
  start: number | null;
  end: number | null;
}

export interface TimelineData {
  items: TimelineItem[];
  /** Whole years, widened to multiples of five; null when nothing is dated. */
  domain: { start: number; end: number } | null;
}

/** An open start resolves to year 1; it marks "no known beginning", not a date. */
const OPEN_START = '0001-01-01';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
};

const utc = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
};

/**
 * Day → fractional year, remembered: a large dataset has hundreds of thousands of dated items over a few
 * thousand distinct days, and the Date arithmetic per item was over a second of the timeline's first render.
 */
function remembered(compute: (iso: string) => number): (iso: string) => number {
  const known = new Map<string, number>();
  return (iso) => {
    let v = known.get(iso);
    if (v === undefined) {
      // Bounded: a hostile or odd dataset with every day distinct must not grow it without end.
      if (known.size >= 200_000) known.clear();
      v = compute(iso);
      known.set(iso, v);
    }
    return v;
  };
}

/** The instant an ISO day begins, as a fractional year. */
export const yearValue = remembered((iso) => {
  const { y, m, d } = day(iso);
  return y + (utc(y, m, d) - utc(y, 1, 1)) / (utc(y + 1, 1, 1) - utc(y, 1, 1));
});

/** The instant an ISO day ends (the next day begins), as a fractional year. */
export const yearValueAfter = remembered((iso) => {
  const { y, m, d } = day(iso);
  const next = new Date(utc(y, m, d) + 86_400_000).toISOString().slice(0, 10);
  return y === 9999 ? 10000 : yearValue(next);
});

function place(kind: TimelineItem['kind'], id: string, label: string, date: ResolvedDate): TimelineItem {
  return {
    kind,
    id,
    label,
    date,
    start: date.start === OPEN_START ? null : yearValue(date.start),
    end: date.end === undefined ? null : yearValueAfter(date.end),
  };
}

export function timelineData(model: Model): TimelineData {
  const items: TimelineItem[] = [];
  model.graph.forEachNode((id, attrs) => {
    if (attrs.kind === 'entity' && attrs.date) items.push(place('entity', id, attrs.entity.name, attrs.date));
  });
  model.graph.forEachEdge((id, attrs) => {
    if (attrs.kind === 'relation' && attrs.date)
      items.push(place('relation', id, relationSentence(model, attrs.relation), attrs.date));
  });
  // A loop, not Math.min(...values): spreading a large dataset's dates overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const i of items)
    for (const v of [i.start, i.end])
      if (v !== null) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
  if (min === Infinity) return { items, domain: null };
  const start = Math.floor(min / 5) * 5;
  const end = Math.max(start + 5, Math.ceil(max / 5) * 5);
  return { items, domain: { start, end } };
}

/** A brushed span of the axis as the filter's inclusive ISO day range, widened to whole years. */
export function brushToTimeRange(a: number, b: number): { from: string; to: string } {
  const lo = Math.floor(Math.min(a, b));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(a, b)));
  const iso = (y: number) => String(y).padStart(4, '0');
  return { from: `${iso(lo)}-01-01`, to: `${iso(hi - 1)}-12-31` };
}

/** The filter's day range back on the axis. */
export const timeRangeSpan = (range: { from: string; to: string }): { start: number; end: number } => ({
  start: yearValue(range.from),
  end: yearValueAfter(range.to),
});
