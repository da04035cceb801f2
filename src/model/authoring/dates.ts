/**
 * Dates written in a passage, as the dataset's partial dates with the precision the words carry
 * ("July 2018" → 2018-07, month). Relative dates ("Tuesday", "last year") are resolved against the
 * source's date and left out when the source has none: a guess from today's date would be wrong.
 */
import * as chrono from 'chrono-node';
import type { PartialDate } from '../format/schema';

export interface ProposedDate {
  text: string;
  date: PartialDate;
  precision: 'day' | 'month' | 'year';
  /** Offset of the date's words in the text given. */
  index: number;
}

const RELATIVE =
  /\b(?:last|next|this|ago|yesterday|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const pad = (n: number) => String(n).padStart(2, '0');

/** The source date as the reference for relative dates; a year or month alone stands for its first day. */
function referenceOf(sourceDate: string | null): Date | null {
  if (!sourceDate || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(sourceDate)) return null;
  const [y, m = '01', d = '01'] = sourceDate.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
}

export function datesIn(text: string, sourceDate: string | null): ProposedDate[] {
  const ref = referenceOf(sourceDate);
  const out: ProposedDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const r of chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1, 12)))) {
    const relative = RELATIVE.test(r.text);
    if (relative && !ref) continue;
    const c = r.start;
    const known = (k: 'year' | 'month' | 'day') => c.isCertain(k) || (ref !== null && c.get(k) !== null);
    const year = c.get('year');
    if (year === null || !known('year')) continue; // "March 16" with no source date: which year?
    let precision: ProposedDate['precision'] = 'year';
    if (
      c.isCertain('day') ||
      (relative && c.isCertain('weekday')) ||
      (relative && /\b(?:yesterday|today|tomorrow|tonight)\b/i.test(r.text))
    )
      precision = 'day';
    else if (c.isCertain('month') || (relative && /\bmonth\b/i.test(r.text))) precision = 'month';
    if (precision === 'day' && !c.isCertain('month') && !relative && !ref) precision = 'year';
    const date =
      precision === 'year'
        ? String(year)
        : precision === 'month'
          ? `${year}-${pad(c.get('month')!)}`
          : `${year}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    out.push({ text: r.text, date, precision, index: r.index });
    taken.push([r.index, r.index + r.text.length]);
  }
  // Bare years ("in 2014", "early 2020"), which chrono leaves alone; not a decade ("the 1990s").
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(1[5-9]\d\d|20\d\d)(?![\p{N}]|s\b|['’]s\b)/gu)) {
    if (taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
    out.push({ text: m[0], date: m[1]!, precision: 'year', index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}
