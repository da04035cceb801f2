/**
 * The "In order" list: dated events and relations one after another, earliest first. An item with an open
 * start ("until 2016") sorts by its end; a wider date sorts before a narrower one that starts with it
 * ("2018" before "July 2018"), as a reader expects the year before the month.
 */
import type { TimelineItem } from './timeline';

const startOf = (i: TimelineItem) => i.start ?? i.end ?? Number.POSITIVE_INFINITY;
const lengthOf = (i: TimelineItem) =>
  i.start === null || i.end === null ? Number.POSITIVE_INFINITY : i.end - i.start;

export function inOrder(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      lengthOf(b) - lengthOf(a) ||
      (a.kind === b.kind ? 0 : a.kind === 'entity' ? -1 : 1) ||
      a.label.localeCompare(b.label),
  );
}
