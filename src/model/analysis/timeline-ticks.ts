/**
 * The timeline axis's ticks for the window shown: years when zoomed out, months, then days as a person zooms
 * in. The unit and step are the finest whose labels keep a readable distance apart, so labels never collide.
 */
import { yearValue } from '../core/date-axis';

export type TickUnit = 'year' | 'month' | 'day';

export interface Tick {
  /** Where it falls, in fractional years. */
  at: number;
  /** Pixels from the left of the plot. */
  x: number;
  label: string;
  /** It begins the next coarser unit (a year among months, a month among days): drawn stronger. */
  major: boolean;
}

export interface AxisTicks {
  unit: TickUnit;
  step: number;
  ticks: Tick[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** From the finest to the coarsest; a step's length in years only chooses it, ticks fall on real dates. */
const STEPS: ReadonlyArray<{ unit: TickUnit; step: number; years: number }> = [
  ...[1, 2, 5, 10].map((step) => ({ unit: 'day' as const, step, years: step / 365.25 })),
  ...[1, 3, 6].map((step) => ({ unit: 'month' as const, step, years: step / 12 })),
  ...[1, 2, 5, 10, 20, 50, 100, 250, 500, 1000].map((step) => ({ unit: 'year' as const, step, years: step })),
];

/** Labels a person can tell apart need this many pixels between ticks ("2016", "Sep", "14"). */
export const MIN_TICK_GAP = 40;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The ticks for the window [start, end] (fractional years) drawn `width` pixels wide. */
export function axisTicks(
  window: { start: number; end: number },
  width: number,
  minGap = MIN_TICK_GAP,
): AxisTicks {
  const length = window.end - window.start;
  if (!(width > 0) || !(length > 0)) return { unit: 'year', step: 1, ticks: [] };
  const perYear = width / length;
  const choice = STEPS.find((s) => s.years * perYear >= minGap) ?? STEPS[STEPS.length - 1]!;
  const xOf = (at: number) => (at - window.start) * perYear;
  const ticks: Tick[] = [];
  const push = (at: number, label: string, major: boolean) => {
    if (at >= window.start && at <= window.end) ticks.push({ at, x: xOf(at), label, major });
  };
  const first = Math.floor(window.start);
  const last = Math.floor(window.end);
  if (choice.unit === 'year') {
    const major = choice.step * (choice.step === 2 ? 5 : 10);
    for (let y = Math.ceil(window.start / choice.step) * choice.step; y <= window.end; y += choice.step)
      push(y, String(y), y % major === 0);
  } else if (choice.unit === 'month') {
    for (let y = first; y <= last; y++)
      for (let m = 1; m <= 12; m += choice.step)
        push(yearValue(iso(y, m, 1)), m === 1 ? String(y) : MONTHS[m - 1]!, m === 1);
  } else {
    for (let y = first; y <= last; y++)
      for (let m = 1; m <= 12; m++) {
        const monthStart = yearValue(iso(y, m, 1));
        // Months wholly outside the window are skipped without walking their days.
        if (monthStart > window.end || yearValue(iso(y, m, daysInMonth(y, m))) + 1 / 365 < window.start)
          continue;
        for (let d = 1; d <= daysInMonth(y, m); d += choice.step) {
          // The last step of a month is dropped when the next month's first day would crowd it.
          if (d > 1 && daysInMonth(y, m) - d + 1 < choice.step / 2) break;
          const label = d > 1 ? String(d) : m === 1 ? String(y) : MONTHS[m - 1]!;
          push(yearValue(iso(y, m, d)), label, d === 1);
        }
      }
  }
  return { unit: choice.unit, step: choice.step, ticks };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return leap(y) ? 29 : 28;
  return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}
