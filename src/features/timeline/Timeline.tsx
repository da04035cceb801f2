/** The strip under the graph: dated events and relations on a year axis; brushing filters the graph to a period. */
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import './timeline.css';
import { dateLabel } from '../../components/date-label';
import {
  brushToTimeRange,
  timelineData,
  timeRangeSpan,
  type TimelineData,
} from '../../model/analysis/timeline';
import type { Model } from '../../model/core/model';
import type { Subgraph } from '../../model/core/subgraph';
import { useActions, useThreadline } from '../../store/context';
import { selectSubgraph } from '../../store/selectors';
import { setTimeRange } from '../filters/filter-edits';
import { DensityBand } from './DensityBand';
import { describePrecision } from './describe-date';
import { filteredMarks, pathMarks, selectionMarks } from './mark-flags';
import { indexMarks } from './mark-index';
import { RelationGroupPopover } from './RelationGroupPopover';
import { layoutTimeline, type Mark } from './timeline-layout';
import { TimelineMarks } from './TimelineMarks';
import { useBrush } from './use-brush';
import { useWidth } from './use-width';

const CAPTION = 18;
const EVENT_LANE = 12;
const RELATION_LANE = 8;
const BAND_GAP = 6;
const MAX_EVENT_LANES = 4;
const MAX_RELATION_LANES = 3;

/**
 * Up to this many dated items the strip draws the whole dataset. Beyond it a mark per item is thousands of
 * elements nobody can tell apart (and seconds of the first paint): the strip draws the view's items over a
 * band showing how the whole dataset's dates spread.
 */
const WHOLE_DATASET_LIMIT = 2_000;

const NOTHING: Subgraph = { entityIds: [], relations: [] };

export function Timeline() {
  const model = useThreadline((s) => s.model);
  const wholeDataset = !model || model.dates.count <= WHOLE_DATASET_LIMIT;
  // Read only in view mode: a small dataset's strip does not follow the view.
  const subgraph = useThreadline((s) => (wholeDataset ? null : selectSubgraph(s)));
  // The strip follows the view a moment later, in a render React can interrupt: placing thousands of a
  // large view's relations must not hold up the canvas or make one long task with the explorer's mount.
  const shown = useDeferredValue(subgraph, wholeDataset ? null : NOTHING);
  const data = useMemo(() => (model ? timelineData(model, shown ?? undefined) : null), [model, shown]);
  if (!model || !data?.domain) return null;
  return <TimelineStrip model={model} data={data} domain={data.domain} overview={!wholeDataset} />;
}

/** "2018" or "2016–2018" for a filter range. */
const rangeLabel = (r: { from: string; to: string }) => {
  const [a, b] = [r.from.slice(0, 4), r.to.slice(0, 4)];
  return a === b ? a : `${a}–${b}`;
};

function TimelineStrip({
  model,
  data,
  domain,
  overview,
}: {
  model: Model;
  data: TimelineData;
  domain: { start: number; end: number };
  /** Marks are the view's items only; a density band shows the whole dataset. */
  overview: boolean;
}) {
  const plot = useRef<HTMLDivElement>(null);
  const width = useWidth(plot);
  const filters = useThreadline((s) => s.filters);
  const selection = useThreadline((s) => s.selection);
  const path = useThreadline((s) => s.highlightedPath);
  const { setFilters, selectEntity, selectRelation } = useActions();
  const [hovered, setHovered] = useState<Mark | null>(null);
  const [popover, setPopover] = useState<{ mark: Mark; left: number } | null>(null);
  const closePopover = useCallback(() => setPopover(null), []);

  const layout = useMemo(
    () =>
      layoutTimeline(data.items, {
        width: Math.max(width, 1),
        domain,
        maxEventLanes: MAX_EVENT_LANES,
        maxRelationLanes: MAX_RELATION_LANES,
        charWidth: 5.6,
      }),
    [data, domain, width],
  );
  const index = useMemo(() => indexMarks(layout.events, layout.relations), [layout]);
  // Each state's marks only when that state changes: a selection does not refilter thousands of marks.
  const selectionState = useMemo(() => selectionMarks(model, index, selection), [model, index, selection]);
  const onPath = useMemo(() => pathMarks(index, path), [index, path]);
  const filtered = useMemo(
    () => filteredMarks(model, [...layout.events, ...layout.relations], filters),
    [model, layout, filters],
  );
  // Stable, so the memoised marks are not re-rendered for a new callback.
  const choose = useCallback(
    (mark: Mark, anchor: number) => {
      if (mark.kind === 'entity') return selectEntity(mark.key);
      if (mark.ids.length === 1) return selectRelation(mark.ids[0]!);
      setPopover({ mark, left: anchor });
    },
    [selectEntity, selectRelation],
  );
  const span = domain.end - domain.start;
  const xOf = (year: number) => ((year - domain.start) / span) * width;
  const yearAt = (x: number) => domain.start + (x / Math.max(width, 1)) * span;
  const { brush, handlers } = useBrush((x0, x1) =>
    setFilters(setTimeRange(filters, brushToTimeRange(yearAt(x0), yearAt(x1)))),
  );

  const relationTop = CAPTION + layout.eventLanes * EVENT_LANE + BAND_GAP;
  const axisTop = relationTop + layout.relationLanes * RELATION_LANE + 2;
  const selectedMark = selection
    ? (index.entity.get(selection.id) ?? index.relation.get(selection.id))
    : undefined;
  const range = filters.timeRange;
  const rangeSpan = range ? timeRangeSpan(range) : null;

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <div className="tl-gutter">
        <span className="tl-band-label" style={{ top: CAPTION - 2 }}>
          Events
        </span>
        <span className="tl-band-label" style={{ top: relationTop - 4 }}>
          Relations
        </span>
      </div>
      <div
        ref={plot}
        className="tl-plot"
        data-domain-start={domain.start}
        data-domain-end={domain.end}
        {...handlers}
      >
        {/* The chip sits on the caption's line: in the gutter it was cut off below the axis, over the legend. */}
        <div className="tl-caption-row">
          <p className="tl-caption" aria-live="polite">
            {caption(model, hovered ?? selectedMark, range && rangeLabel(range), overview)}
          </p>
          {range && (
            <span className="tl-range-chip" onPointerDown={(e) => e.stopPropagation()}>
              {rangeLabel(range)}
              <button
                type="button"
                className="icon-button"
                aria-label="Clear the time filter"
                onClick={() => setFilters(setTimeRange(filters, null))}
              >
                ×
              </button>
              <label className="tl-undated" title="Undated relations go while a period is set">
                <input
                  type="checkbox"
                  checked={filters.hideUndated === true}
                  onChange={(e) => setFilters({ ...filters, hideUndated: e.target.checked })}
                />
                hide undated
              </label>
            </span>
          )}
        </div>
        {overview && width > 0 && (
          <DensityBand
            perYear={model.dates.perYear}
            domain={domain}
            width={width}
            top={CAPTION}
            height={axisTop - CAPTION}
            total={model.dates.count}
          />
        )}
        {layout.ticks.map((t) => (
          <span
            key={t.year}
            className={t.major ? 'tl-tick tl-tick-major' : 'tl-tick'}
            style={{ left: t.x, top: CAPTION, height: axisTop - CAPTION + (t.major ? 5 : 3) }}
          />
        ))}
        {layout.ticks
          .filter((t) => t.major)
          .map((t) => (
            <span key={t.year} className="tl-year" style={{ left: t.x, top: axisTop + 4 }}>
              {t.year}
            </span>
          ))}
        {rangeSpan && (
          <>
            <span className="tl-outside" style={{ left: 0, width: Math.max(0, xOf(rangeSpan.start)) }} />
            <span className="tl-outside" style={{ left: xOf(rangeSpan.end), right: 0 }} />
            <span
              className="tl-range"
              style={{ left: xOf(rangeSpan.start), width: xOf(rangeSpan.end) - xOf(rangeSpan.start) }}
            />
          </>
        )}
        {width > 0 && (
          <TimelineMarks
            model={model}
            layout={layout}
            eventTop={CAPTION}
            eventLane={EVENT_LANE}
            relationTop={relationTop}
            relationLane={RELATION_LANE}
            selection={selectionState}
            onPath={onPath}
            filtered={filtered}
            onChoose={choose}
            onHover={setHovered}
          />
        )}
        {brush && (
          <span
            className="tl-brush"
            style={{ left: Math.min(brush.x0, brush.x1), width: Math.abs(brush.x1 - brush.x0) }}
          />
        )}
        {popover && (
          <RelationGroupPopover
            model={model}
            mark={popover.mark}
            left={Math.min(Math.max(popover.left - 160, 0), Math.max(0, width - 320))}
            onPick={(id) => {
              setPopover(null);
              selectRelation(id);
            }}
            onClose={closePopover}
          />
        )}
      </div>
    </section>
  );
}

/** The line above the marks: what the pointer is on, else what is selected, else how to use the strip. */
function caption(
  model: Model,
  mark: Mark | undefined | null,
  range: string | null,
  overview: boolean,
): string {
  if (mark) {
    const spec =
      mark.kind === 'entity' ? model.entities.get(mark.key)?.date : model.relations.get(mark.ids[0]!)?.date;
    const when = dateLabel(spec) ?? mark.date.label;
    return `${mark.label} — ${when} (${describePrecision(mark.date, mark.openStart, mark.openEnd)})`;
  }
  if (range) return `Showing ${range}: dated items outside it are filtered out; undated ones stay.`;
  if (overview)
    return `Bars: the view's dated items. Shading: all ${model.dates.count.toLocaleString('en')} in the dataset, by year. Drag across the years to filter.`;
  return 'Drag across the years to filter the graph to a period. A bar spans all its date covers.';
}
