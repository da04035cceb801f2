/**
 * The time filter's period as the Filters panel's pickers edit it: a year and a month at each end. The store
 * holds days ("2016-06-01" to "2016-08-31", as a brush at the months' zoom sets it); the pickers show each end
 * at that precision, and an edit changes only what was picked, so a month or a day set elsewhere is not
 * rounded away to whole years.
 */
import { daysInMonth } from '../../model/analysis/timeline-ticks';
import type { Filters } from '../../model/core/filters';

export type Period = NonNullable<Filters['timeRange']>;
export type PeriodSide = 'from' | 'to';

export interface PeriodEnd {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

export interface PeriodPick {
  /** null: "any", the period opens at that end (both ends any: no period). */
  year?: number | null;
  month?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (e: PeriodEnd) => `${pad(e.year, 4)}-${pad(e.month)}-${pad(e.day)}`;

/** One end of a stored period, read as year, month and day; null when it is not an ISO day. */
export function periodEnd(value: string): PeriodEnd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Where an end falls when only its year is known: the first day of it, or the last. */
const yearEdge = (side: PeriodSide, year: number): PeriodEnd =>
  side === 'from' ? { year, month: 1, day: 1 } : { year, month: 12, day: 31 };

/** Where an end falls when its month is picked: the month's first day, or its last. */
const monthEdge = (side: PeriodSide, year: number, month: number): PeriodEnd => ({
  year,
  month,
  day: side === 'from' ? 1 : daysInMonth(year, month),
});

/**
 * The period after one picker changed. A new year keeps the end's month and day (the 29th of February
 * becomes the 28th in a year without one); a new month starts or ends with that whole month; "any" opens
 * that end to the domain's edge, and both ends any is no period. An end moved past the other takes the
 * other along, to the edge of its own year.
 */
export function editPeriod(
  period: Period | null,
  side: PeriodSide,
  pick: PeriodPick,
  /** Whole years the timeline spans; its last year is end - 1. */
  domain: { start: number; end: number },
): Period | null {
  const other: PeriodSide = side === 'from' ? 'to' : 'from';
  const current = period ? periodEnd(period[side]) : null;
  const kept = period ? periodEnd(period[other]) : null;
  let edited: PeriodEnd | null;
  if (pick.year === null) edited = null;
  else if (pick.year !== undefined)
    edited = current
      ? {
          year: pick.year,
          month: current.month,
          day: Math.min(current.day, daysInMonth(pick.year, current.month)),
        }
      : yearEdge(side, pick.year);
  else if (pick.month !== undefined)
    edited = monthEdge(side, current?.year ?? (side === 'from' ? domain.start : domain.end - 1), pick.month);
  else edited = current;
  // An end left open, or never set, is the domain's edge; both open is no period at all.
  if (!edited && !kept) return null;
  let lo = side === 'from' ? edited : kept;
  let hi = side === 'to' ? edited : kept;
  lo ??= yearEdge('from', domain.start);
  hi ??= yearEdge('to', domain.end - 1);
  if (iso(lo) > iso(hi)) {
    if (side === 'from') hi = yearEdge('to', lo.year);
    else lo = yearEdge('from', hi.year);
  }
  return { from: iso(lo), to: iso(hi) };
}
