/**
 * The window of time the timeline shows, zoomed and panned inside the dataset's domain, and a brushed span
 * turned into the time filter's day range at the precision the axis shows.
 */
import type { TickUnit } from './timeline-ticks';
import { daysInMonth } from './timeline-ticks';

export interface Span {
  start: number;
  end: number;
}

/** Two weeks: closer than that, a day would be wider than the strip is useful. */
export const MIN_SPAN = 14 / 365.25;

/** The window moved and sized to lie inside the domain, never shorter than MIN_SPAN nor longer than the domain. */
export function clampWindow(w: Span, domain: Span): Span {
  const full = domain.end - domain.start;
  const length = Math.min(full, Math.max(Math.min(MIN_SPAN, full), w.end - w.start));
  let start = Math.min(Math.max(w.start, domain.start), domain.end - length);
  if (!Number.isFinite(start)) start = domain.start;
  return { start, end: start + length };
}

/**
 * Zoomed by `factor` (below 1 zooms in) about the point `anchor` of the window (0 its left edge, 1 its right),
 * which stays where it is on screen: under the pointer for the wheel, the middle for the buttons.
 */
export function zoomWindow(w: Span, domain: Span, factor: number, anchor = 0.5): Span {
  const length = w.end - w.start;
  const at = w.start + anchor * length;
  const next = Math.min(domain.end - domain.start, Math.max(MIN_SPAN, length * factor));
  return clampWindow({ start: at - anchor * next, end: at - anchor * next + next }, domain);
}

/** Moved by `fraction` of its length (negative: to earlier dates). */
export function panWindow(w: Span, domain: Span, fraction: number): Span {
  const shift = (w.end - w.start) * fraction;
  return clampWindow({ start: w.start + shift, end: w.end + shift }, domain);
}

/** Whether the window is the whole domain (nothing to reset, nothing to zoom out to). */
export const isWhole = (w: Span, domain: Span): boolean =>
  w.start <= domain.start + 1e-9 && w.end >= domain.end - 1e-9;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar day a fractional year falls in. */
export function dayAt(v: number): { y: number; m: number; d: number } {
  const y = Math.floor(v);
  const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  let rest = Math.min(days - 1, Math.max(0, Math.floor((v - y) * days + 1e-9)));
  let m = 1;
  while (rest >= daysInMonth(y, m)) rest -= daysInMonth(y, m++);
  return { y, m, d: rest + 1 };
}

/**
 * A brushed span as the filter's inclusive ISO day range, widened to whole units of what the axis shows:
 * years when it shows years, months when months, days when days.
 */
export function brushRange(a: number, b: number, unit: TickUnit): { from: string; to: string } {
  const lo = dayAt(Math.min(a, b));
  // The right edge is an instant: a brush ending exactly on a boundary does not take the next unit in.
  const hi = dayAt(Math.max(Math.min(a, b), Math.max(a, b) - 1e-7));
  const day = (p: { y: number; m: number; d: number }) => `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  if (unit === 'year') return { from: `${pad(lo.y, 4)}-01-01`, to: `${pad(hi.y, 4)}-12-31` };
  if (unit === 'month') return { from: day({ ...lo, d: 1 }), to: day({ ...hi, d: daysInMonth(hi.y, hi.m) }) };
  return { from: day(lo), to: day(hi) };
}

export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** The filter's day range in words at its own precision: "2016–2018", "Jun–Aug 2016", "14 Jun – 2 Jul 2016". */
export function rangeWords(range: { from: string; to: string }): string {
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
  const month = (m: number) => MONTH_NAMES[m - 1] ?? String(m);
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) return fy === ty ? `${fy}` : `${fy}–${ty}`;
  if (fd === 1 && td === daysInMonth(ty, tm)) {
    if (fy !== ty) return `${month(fm)} ${fy} – ${month(tm)} ${ty}`;
    return fm === tm ? `${month(fm)} ${fy}` : `${month(fm)}–${month(tm)} ${fy}`;
  }
  if (fy !== ty) return `${fd} ${month(fm)} ${fy} – ${td} ${month(tm)} ${ty}`;
  if (fm === tm) return fd === td ? `${fd} ${month(fm)} ${fy}` : `${fd}–${td} ${month(fm)} ${fy}`;
  return `${fd} ${month(fm)} – ${td} ${month(tm)} ${fy}`;
}

/** A span of fractional years in words at the precision it spans: "1990–2025", "2016", "Jun–Aug 2016". */
export function spanWords(w: Span): string {
  const day = (v: number) => {
    const d = dayAt(v);
    return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
  };
  if (w.end - w.start >= 3) return `${Math.floor(w.start)}–${Math.ceil(w.end) - 1}`;
  return rangeWords({ from: day(w.start), to: day(Math.max(w.start, w.end - 1e-7)) });
}

/**
 * Where a click on a "+N" marker takes the window: onto the part of the window its bars cover, with a margin,
 * so they spread out into rows. Null when that is about the window already (bars of one year stay stacked
 * however far in one zooms): the marker then lists them instead.
 */
export function overflowTarget(span: Span, window: Span, domain: Span): Span | null {
  const start = Math.max(span.start, window.start);
  const end = Math.min(span.end, window.end);
  const margin = Math.max((end - start) * 0.1, MIN_SPAN / 4);
  const target = clampWindow({ start: start - margin, end: end + margin }, domain);
  return target.end - target.start <= 0.75 * (window.end - window.start) ? target : null;
}

/**
 * The window the strip opens on: where most of the dated items are (from where 3% of them have begun to
 * where 97% have ended, with a margin), so a few outliers (a trademark in the 1990s) do not squeeze
 * everything else into a corner. "All" still shows the whole domain. Few items, or items spread over most
 * of it, open on the whole domain.
 */
export function focusWindow(
  spans: ReadonlyArray<{ start: number | null; end: number | null }>,
  domain: Span,
): Span {
  if (spans.length < 10) return domain;
  const quantile = (values: number[], q: number) => {
    values.sort((a, b) => a - b);
    return values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  };
  const lo = quantile(
    spans.map((s) => s.start ?? s.end!),
    0.03,
  );
  const hi = quantile(
    spans.map((s) => s.end ?? s.start!),
    0.97,
  );
  const margin = Math.max(0.5, (hi - lo) * 0.1);
  const start = Math.floor(lo - margin);
  const w = clampWindow({ start, end: Math.max(Math.ceil(hi + margin), start + 2) }, domain);
  return w.end - w.start > 0.8 * (domain.end - domain.start) ? domain : w;
}
