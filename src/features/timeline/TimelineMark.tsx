/**
 * One mark on the timeline: a bar spanning the period its date covers (a dot for a single day too narrow to
 * span), coloured as the graph colours it, hatched when the date is known only to the year or decade, with its
 * label where timeline-labels.ts found room and the whole text in its tooltip.
 */
import { memo, type CSSProperties } from 'react';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../model/style/entity-style';
import type { Model } from '../../model/core/model';
import { baseTypeOf } from '../../model/core/entity-types';
import { describePrecision, markWhen } from './describe-date';
import type { Mark } from './timeline-layout';

interface Props {
  model: Model;
  mark: Mark;
  // Flags as separate booleans, not an object, so memo's shallow compare sees when a mark's state is unchanged.
  selected: boolean;
  related: boolean;
  onPath: boolean;
  filtered: boolean;
  height: number;
  onChoose(mark: Mark, anchorX: number): void;
  onHover(mark: Mark | null): void;
}

/** A group of mixed statuses gets a neutral slate; one status keeps its canvas (and legend) colour. */
const MIXED = '#52606d';
/** More sentences than this in a tooltip are counted rather than listed. */
const TOOLTIP_LINES = 12;

function colourOf(model: Model, mark: Mark): string {
  if (mark.kind === 'entity') {
    const type = model.entities.get(mark.key)?.type;
    return type ? ENTITY_LOOKS[baseTypeOf(model, type)].color : '#868e96';
  }
  const statuses = new Set(mark.ids.map((id) => model.relations.get(id)?.status));
  const [only] = statuses;
  return statuses.size === 1 && only ? STATUS_LOOKS[only].color : MIXED;
}

/** The whole story of a mark, for its tooltip: what, when, how precisely. */
function tooltipOf(model: Model, mark: Mark): string {
  const when = `${markWhen(model, mark)} (${describePrecision(mark.date, mark.openStart, mark.openEnd)})`;
  if (mark.ids.length === 1) return `${mark.sentences[0]}\n${when}`;
  const listed = mark.sentences.slice(0, TOOLTIP_LINES).map((s) => `• ${s}`);
  const more = mark.sentences.length - listed.length;
  return [`${mark.ids.length} relations, ${when}`, ...listed, ...(more > 0 ? [`and ${more} more`] : [])].join(
    '\n',
  );
}

// Memoised: the strip holds thousands of marks, and a selection or hover changes the state of only a few.
export const TimelineMark = memo(function TimelineMark(props: Props) {
  const { model, mark, selected, related, onPath, filtered, height, onChoose, onHover } = props;
  const classes = [
    'tl-mark',
    `tl-${mark.kind}`,
    `tl-precision-${mark.date.precision}`,
    mark.point ? 'tl-point' : '',
    mark.date.approximate ? 'tl-approximate' : '',
    mark.openStart ? 'tl-open-start' : '',
    mark.openEnd ? 'tl-open-end' : '',
    mark.cutStart ? 'tl-cut-start' : '',
    mark.cutEnd ? 'tl-cut-end' : '',
    selected ? 'is-selected' : '',
    related ? 'is-related' : '',
    onPath ? 'is-path' : '',
    filtered ? 'is-filtered' : '',
  ].filter(Boolean);
  const style = {
    left: mark.x,
    top: mark.top,
    width: mark.width,
    height,
    '--mark-colour': colourOf(model, mark),
  } as CSSProperties;
  const place = mark.labelPlace;
  return (
    <>
      <button
        type="button"
        className={classes.join(' ')}
        style={style}
        data-mark={mark.key}
        data-relation={mark.kind === 'relations' && mark.ids.length === 1 ? mark.ids[0] : undefined}
        title={tooltipOf(model, mark)}
        aria-pressed={selected}
        aria-label={`${mark.label}, ${mark.date.label}${filtered ? ' (hidden by a filter)' : ''}`}
        // A press here reaches the plot too: dragged, it brushes; released in place, it is this mark's click.
        onClick={(e) => onChoose(mark, e.currentTarget.offsetLeft + mark.width / 2)}
        onMouseEnter={() => onHover(mark)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(mark)}
        onBlur={() => onHover(null)}
      />
      {/* Beside the bar, not in it: a faded open end or a dashed approximate bar would fade its label too. */}
      {place.where !== 'none' && (
        <span
          className={`tl-label tl-label-${place.where}${filtered ? ' is-filtered' : ''}`}
          data-label-of={mark.key}
          style={{ left: place.left, top: mark.top + 1, maxWidth: place.room }}
          aria-hidden="true"
        >
          {mark.label}
        </span>
      )}
    </>
  );
});
