/**
 * The "+N" markers of the lanes: bars with no row left, gathered where they lie instead of drawn over
 * others. A marker says what it holds in its tooltip and, clicked, zooms onto them or lists them.
 */
import { memo } from 'react';
import { spanWords } from '../../model/analysis/timeline-zoom';
import type { Model } from '../../model/core/model';
import { labelWithDate } from './describe-date';
import { overflowText, type OverflowMark } from './timeline-layout';

export interface MarkerState {
  marker: OverflowMark;
  /** What a click does: zoom onto the bars, or (zooming would not part them) list them. */
  action: 'zoom' | 'list';
  /** Flags of the marks it holds, as a mark of its own would show them. */
  related: boolean;
  onPath: boolean;
  filtered: boolean;
}

interface Props {
  model: Model;
  markers: readonly MarkerState[];
  /** Top of the lanes' area in the plot, and a bar's height, px. */
  top: number;
  height: number;
  onOpen(marker: OverflowMark, action: 'zoom' | 'list', anchorX: number): void;
}

/** More lines than this in a tooltip are counted rather than listed. */
const TOOLTIP_LINES = 12;

/** "People relations": the lane as a reader names it. */
export const laneWords = (m: OverflowMark): string => `${m.lane.label}${m.lane.sub ? ` ${m.lane.sub}` : ''}`;

function tooltipOf(model: Model, m: OverflowMark, action: 'zoom' | 'list'): string {
  const lines = m.held.slice(0, TOOLTIP_LINES).map((h) => `• ${labelWithDate(model, h)}`);
  const more = m.held.length - lines.length;
  return [
    `${m.items} more in ${laneWords(m)}, ${spanWords(m.span)}: no room to draw them at this zoom`,
    ...lines,
    ...(more > 0 ? [`and ${more} more`] : []),
    action === 'zoom' ? 'Click to zoom in on them.' : 'Click to list them.',
  ].join('\n');
}

export const TimelineOverflow = memo(function TimelineOverflow({
  model,
  markers,
  top,
  height,
  onOpen,
}: Props) {
  if (markers.length === 0) return null;
  return (
    <div className="tl-marks" style={{ top }}>
      {markers.map(({ marker: m, action, related, onPath, filtered }) => (
        <button
          key={m.key}
          type="button"
          className={[
            'tl-overflow',
            related ? 'is-related' : '',
            onPath ? 'is-path' : '',
            filtered ? 'is-filtered' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          style={{ left: m.x, top: m.top, width: m.width, height }}
          data-overflow={m.lane.key}
          data-items={m.items}
          data-holds={m.held.map((h) => h.key).join(' ')}
          data-action={action}
          title={tooltipOf(model, m, action)}
          aria-label={`${m.items} more in ${laneWords(m)}, ${spanWords(m.span)}: ${
            action === 'zoom' ? 'zoom in on them' : 'list them'
          }`}
          // A press here reaches the plot too: dragged, it brushes; released in place, it opens the marker.
          onClick={(e) => onOpen(m, action, e.currentTarget.offsetLeft + m.width / 2)}
        >
          {overflowText(m.items)}
        </button>
      ))}
    </div>
  );
});
