/** Random partial dates and how a sentence reads them; always real calendar dates so the validator accepts them. */
import type { DateSpec } from '../../src/model/format/schema';
import type { Rng } from '../../src/model/core/prng';
import { MONTHS } from './words';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A year, month or day between 1990 and 2024; `day` and `month` are the chances of those precisions. */
export function randomDate(rng: Rng, p: { day: number; month: number }): string {
  const y = 1990 + rng.int(35);
  const m = 1 + rng.int(12);
  const roll = rng.next();
  if (roll < p.day) return `${y}-${pad(m)}-${pad(1 + rng.int(daysIn(y, m)))}`;
  if (roll < p.day + p.month) return `${y}-${pad(m)}`;
  return String(y);
}

export function randomDateSpec(rng: Rng): DateSpec {
  const roll = rng.next();
  if (roll < 0.05) return `${1990 + 10 * rng.int(4)}s`;
  if (roll < 0.12) {
    const start = 1990 + rng.int(30);
    return {
      start: String(start),
      end: String(start + 1 + rng.int(5)),
      ...(rng.chance(0.3) ? { approximate: true } : {}),
    };
  }
  return randomDate(rng, { day: 0.3, month: 0.3 });
}

export const yearOf = (date: string): string => date.slice(0, 4);

const partialPhrase = (d: string): string => {
  if (d.endsWith('s')) return `in the ${d}`;
  const [y, m, day] = d.split('-');
  if (day) return `on ${Number(day)} ${MONTHS[Number(m) - 1]} ${y}`;
  if (m) return `in ${MONTHS[Number(m) - 1]} ${y}`;
  return `in ${y}`;
};

/** " in March 2014", " between 2012 and 2015", or "" when there is no date. */
export function datePhrase(spec: DateSpec | undefined): string {
  if (spec === undefined) return '';
  if (typeof spec === 'string') return ` ${partialPhrase(spec)}`;
  const about = spec.approximate ? 'roughly ' : '';
  if (spec.start && spec.end) return ` ${about}between ${spec.start} and ${spec.end}`;
  return spec.start ? ` ${about}from ${spec.start}` : ` ${about}until ${spec.end}`;
}
