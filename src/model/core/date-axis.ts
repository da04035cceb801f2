/** Days and dates as fractional years on the timeline's axis; a date keeps its real extent (a year covers the whole year). */
import type { ResolvedDate } from './dates';

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

/** A date's span on the year axis; null for an open end. */
export function axisSpan(date: ResolvedDate): { start: number | null; end: number | null } {
  return {
    start: date.start === OPEN_START ? null : yearValue(date.start),
    end: date.end === undefined ? null : yearValueAfter(date.end),
  };
}
