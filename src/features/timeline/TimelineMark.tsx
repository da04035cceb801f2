/** One mark on the timeline: a bar spanning the period its date covers, styled by precision, approximation and open ends. */
import { memo, type CSSProperties } from 'react';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../model/style/entity-style';
import type { Model } from '../../model/core/model';
import { baseTypeOf } from '../../model/core/entity-types';
import type { Mark } from './timeline-layout';

interface Props {
  model: Model;
  mark: Mark;
  // Flags as separate booleans, not an object, so memo's shallow compare sees when a mark's state is unchanged.
  selected: boolean;
  related: boolean;
  onPath: boolean;
  filtered: boolean;
  top: number;
  height: number;
  onChoose(mark: Mark, anchorX: number): void;
  onHover(mark: Mark | null): void;
}

function colourOf(model: Model, mark: Mark): string {
  if (mark.kind === 'entity') {
    const type = model.entities.get(mark.key)?.type;
    return type ? ENTITY_LOOKS[baseTypeOf(model, type)].color : '#868e96';
  }
  const statuses = new Set(mark.ids.map((id) => model.relations.get(id)?.status));
  const [only] = statuses;
  // A group of mixed statuses gets a neutral slate; one status keeps its canvas colour.
  return statuses.size === 1 && only ? STATUS_LOOKS[only].color : '#52606d';
}

// Memoised: the strip holds thousands of marks, and a selection or hover changes the state of only a few.
export const TimelineMark = memo(function TimelineMark(props: Props) {
  const { model, mark, selected, related, onPath, filtered, top, height, onChoose, onHover } = props;
  const classes = [
    'tl-mark',
    `tl-${mark.kind}`,
    `tl-precision-${mark.date.precision}`,
    mark.date.approximate ? 'tl-approximate' : '',
    mark.openStart ? 'tl-open-start' : '',
    mark.openEnd ? 'tl-open-end' : '',
    selected ? 'is-selected' : '',
    related ? 'is-related' : '',
    onPath ? 'is-path' : '',
    filtered ? 'is-filtered' : '',
  ].filter(Boolean);
  const style = {
    left: mark.x,
    top,
    width: mark.width,
    height,
    '--mark-colour': colourOf(model, mark),
  } as CSSProperties;
  return (
    <button
      type="button"
      className={classes.join(' ')}
      style={style}
      data-mark={mark.key}
      aria-pressed={selected}
      aria-label={`${mark.label}, ${mark.date.label}${filtered ? ' (hidden by a filter)' : ''}`}
      // A press here reaches the plot too: dragged, it brushes; released in place, it is this mark's click.
      onClick={(e) => onChoose(mark, e.currentTarget.offsetLeft + mark.width / 2)}
      onMouseEnter={() => onHover(mark)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(mark)}
      onBlur={() => onHover(null)}
    >
      {mark.showLabel && (
        <span className={mark.labelInside ? 'tl-label tl-label-inside' : 'tl-label'}>{mark.label}</span>
      )}
    </button>
  );
});
