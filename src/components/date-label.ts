/** Human wording for a date or interval, keeping its precision ("July 2018", "the 1990s", "c. 2020"). */
import { resolveDate } from '../model/core/dates';
import type { DateSpec } from '../model/format/schema';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function one(value: string): string {
  if (/^\d{3}0s$/.test(value)) return `the ${value}`;
  const [y, m, d] = value.split('-');
  if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
  return y ?? value;
}

export function dateLabel(spec: DateSpec | undefined): string | undefined {
  if (spec === undefined) return undefined;
  if ('error' in (resolveDate(spec) as object)) return undefined;
  if (typeof spec === 'string') return one(spec);
  const approx = spec.approximate ? 'c. ' : '';
  if (spec.start && spec.start === spec.end) return `${approx}${one(spec.start)}`;
  if (spec.start && spec.end) return `${approx}${one(spec.start)} – ${one(spec.end)}`;
  if (spec.start) return `${approx}${spec.approximate ? one(spec.start) : `since ${one(spec.start)}`}`;
  return `${approx}until ${one(spec.end!)}`;
}
