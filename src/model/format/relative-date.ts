/**
 * Dates a source gives relative to its own ("Tuesday", "last Tuesday", "March 28", "today"), resolved against the
 * source's date with chrono-node, at the precision the words give: a weekday or "today" to the day, "in March" to
 * the month. A bare weekday is read as the latest such day on or before the source's date: a source reports what
 * has happened.
 */
import * as chrono from 'chrono-node';
import type { PartialDate } from './schema';

const DAY_WORDS =
  /\b(?:today|tonight|yesterday|tomorrow|ago|week|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

export type RelativeDateResult = { date: PartialDate } | { unresolved: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function resolveRelativeDate(asWritten: string, sourceDate: PartialDate | null): RelativeDateResult {
  if (sourceDate === null) return { unresolved: `the source has no date to resolve "${asWritten}" against` };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(sourceDate);
  if (!m)
    return {
      unresolved: `the source's date ${sourceDate} is a decade; "${asWritten}" needs a year or a day`,
    };
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const instant = new Date(Date.UTC(year, month - 1, day, 12));
  const found = chrono.en.parse(asWritten, { instant, timezone: 0 }, { forwardDate: false })[0];
  if (!found) return { unresolved: `"${asWritten}" is not a date chrono-node can read` };
  const s = found.start;
  const knowsMonth = s.isCertain('month');
  // Words relative to a day ("Tuesday", "today", "two days ago"): only a source dated to the day anchors them.
  const relativeToDay = !knowsMonth || DAY_WORDS.test(found.text);
  if (relativeToDay && m[3] === undefined)
    return { unresolved: `"${asWritten}" is relative to a day, and the source is dated only ${sourceDate}` };
  let date = new Date(Date.UTC(s.get('year')!, s.get('month')! - 1, s.get('day')!));
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day');
  if (weekdayOnly && date.getTime() > Date.UTC(year, month - 1, day))
    date = new Date(date.getTime() - 7 * 86_400_000);
  // "March 28" in a source dated 2019: the source's own year, not the nearest March 28 to 1 January.
  const y = s.isCertain('year') || m[2] !== undefined ? date.getUTCFullYear() : year;
  const ymd = `${pad(y, 4)}-${pad(date.getUTCMonth() + 1)}`;
  if (s.isCertain('day') || weekdayOnly) return { date: `${ymd}-${pad(date.getUTCDate())}` };
  if (knowsMonth) return { date: ymd };
  return { date: pad(y, 4) };
}
