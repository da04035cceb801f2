/** Words for how precise a timeline date is, so the caption says what a span means. */
import type { ResolvedDate } from '../../model/core/dates';

const PRECISION: Record<ResolvedDate['precision'], string> = {
  decade: 'known to the decade',
  year: 'known to the year',
  month: 'known to the month',
  day: 'known to the day',
};

export function describePrecision(date: ResolvedDate, openStart: boolean, openEnd: boolean): string {
  const parts = [PRECISION[date.precision]];
  if (date.approximate) parts.push('approximate');
  if (openStart) parts.push('start unknown');
  if (openEnd) parts.push('no end given');
  return parts.join(', ');
}
