/** Partial dates ("1990s", "2018", "2018-07", "2018-07-16") and intervals, with their precision kept honest. */
import type { DateSpec, PartialDate } from '../format/schema';
import type { DatePrecision } from './vocabulary';

export interface ResolvedDate {
  /** First day covered, ISO "YYYY-MM-DD". */
  start: string;
  /** Last day covered, ISO "YYYY-MM-DD"; a year covers Jan 1 to Dec 31. Open intervals have no end. */
  end?: string;
  precision: DatePrecision;
  /** The date as written in the data, for display. */
  label: string;
  approximate?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Range covered by one partial date, or an error message when it is not a real calendar date. */
function partialDateRange(
  value: PartialDate,
): { start: string; end: string; precision: DatePrecision } | { error: string } {
  const decade = /^(\d{3}0)s$/.exec(value);
  if (decade) {
    const y = Number(decade[1]);
    return { start: `${pad(y, 4)}-01-01`, end: `${pad(y + 9, 4)}-12-31`, precision: 'decade' };
  }
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return { error: `"${value}" is not a date of the form 1990s, 2018, 2018-07 or 2018-07-16` };
  const year = Number(m[1]);
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `"${value}" has no month ${m[2]}` };
  const last = daysInMonth(year, month);
  if (m[3] === undefined)
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}`, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > last) return { error: `"${value}" is not a day of ${m[1]}-${m[2]}` };
  return { start: value, end: value, precision: 'day' };
}

/** Resolves a date or interval; returns an error message for impossible dates or reversed intervals. */
export function resolveDate(spec: DateSpec): ResolvedDate | { error: string } {
  if (typeof spec === 'string') {
    const r = partialDateRange(spec);
    return 'error' in r ? r : { ...r, label: spec };
  }
  if (spec.start === undefined && spec.end === undefined)
    return { error: 'an interval needs a start or an end' };
  const from = spec.start === undefined ? undefined : partialDateRange(spec.start);
  const to = spec.end === undefined ? undefined : partialDateRange(spec.end);
  if (from && 'error' in from) return from;
  if (to && 'error' in to) return to;
  if (from && to && to.end < from.start)
    return { error: `the interval ends (${spec.end}) before it starts (${spec.start})` };
  const precision = from?.precision ?? to?.precision ?? 'year';
  const span =
    spec.start !== undefined && spec.start === spec.end
      ? spec.start
      : `${spec.start ?? '…'}–${spec.end ?? ''}`;
  const label = `${spec.approximate ? 'c. ' : ''}${span}`.replace(/–$/, ' onwards');
  return {
    start: from?.start ?? '0001-01-01',
    ...(to ? { end: to.end } : {}),
    precision,
    label,
    ...(spec.approximate ? { approximate: true } : {}),
  };
}

/** Whether a resolved date overlaps the inclusive ISO day range [from, to]. */
export function overlaps(date: ResolvedDate, from: string, to: string): boolean {
  return date.start <= to && (date.end ?? '9999-12-31') >= from;
}
