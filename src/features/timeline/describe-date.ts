/** Words for a timeline mark's date and how precise it is, so the caption says what a span means. */
import { dateLabel } from '../../components/date-label';
import type { ResolvedDate } from '../../model/core/dates';
import type { Model } from '../../model/core/model';
import type { PlacedMark } from './timeline-layout';

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

/** A mark's date as the data words it ("July 2018", "c. 2016"), read from its entity or first relation. */
export function markWhen(model: Model, mark: PlacedMark): string {
  const spec =
    mark.kind === 'entity' ? model.entities.get(mark.key)?.date : model.relations.get(mark.ids[0]!)?.date;
  return dateLabel(spec) ?? mark.date.label;
}

/** A mark's label with its date, unless the label says it already ("Helsinki summit (July 2018)"). */
export function labelWithDate(model: Model, mark: PlacedMark): string {
  const when = markWhen(model, mark);
  return mark.label.includes(when) ? mark.label : `${mark.label} (${when})`;
}
