/** The dated entities and relations at a glance, tallied in one pass: the timeline's overview and the time filter's range. */
import { axisSpan } from './date-axis';
import { resolveDate } from './dates';
import type { DateSpec } from '../format/schema';

export interface DateOverview {
  /** How many entities and relations carry a date. */
  count: number;
  /** The earliest and latest points on the year axis (fractional years); ±Infinity when nothing is dated. */
  min: number;
  max: number;
  /** Dated items by the whole year they start in (or end in, for an open start). */
  perYear: Map<number, number>;
}

interface Placed {
  start: number | null;
  end: number | null;
}

export class DateTally {
  readonly overview: DateOverview = { count: 0, min: Infinity, max: -Infinity, perYear: new Map() };
  // A large dataset repeats the same few thousand dates hundreds of thousands of times.
  private readonly seen = new Map<string, Placed | null>();

  private place(spec: DateSpec): Placed | null {
    const key = typeof spec === 'string' ? spec : JSON.stringify(spec);
    let placed = this.seen.get(key);
    if (placed === undefined) {
      const date = resolveDate(spec);
      placed = 'error' in date ? null : axisSpan(date);
      this.seen.set(key, placed);
    }
    return placed;
  }

  /** Counts a date in; false (and nothing counted) when it is not a valid date. */
  add(spec: DateSpec): boolean {
    const placed = this.place(spec);
    if (!placed) return false;
    const o = this.overview;
    const { start, end } = placed;
    o.count++;
    for (const v of [start, end])
      if (v !== null) {
        o.min = Math.min(o.min, v);
        o.max = Math.max(o.max, v);
      }
    const year = Math.floor(start ?? end ?? 0);
    o.perYear.set(year, (o.perYear.get(year) ?? 0) + 1);
    return true;
  }
}
