/**
 * The strip under the graph: dated events and relations in labelled lanes on an axis that can be zoomed and
 * panned (years → months → days); brushing a period filters the graph, clicking a bar opens its evidence.
 * It renders the store and calls its actions; only the window of time it shows is its own.
 */
import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './timeline.css';
import { timelineData, timeRangeSpan, undatedCount, type TimelineData } from '../../model/analysis/timeline';
import { laneOf } from '../../model/analysis/timeline-lanes';
import {
  brushRange,
  focusWindow,
  isWhole,
  overflowTarget,
  panWindow,
  rangeWords,
  spanWords,
  zoomWindow,
  type Span,
} from '../../model/analysis/timeline-zoom';
import type { Model } from '../../model/core/model';
import type { Subgraph } from '../../model/core/subgraph';
import { useActions, useThreadline } from '../../store/context';
import { selectSubgraph } from '../../store/selectors';
import { setTimeRange } from '../filters/filter-edits';
import { DensityBand } from './DensityBand';
import { describePrecision, markWhen } from './describe-date';
import { filteredMarks, pathMarks, selectionMarks } from './mark-flags';
import { indexMarks } from './mark-index';
import { textMeasure } from './measure-text';
import { PickPopover, type Picked, type PickList } from './PickPopover';
import {
  layoutTimeline,
  seedMarks,
  type Mark,
  type MarkSeed,
  type OverflowMark,
  type PlacedMark,
} from './timeline-layout';
import { TimelineMarks } from './TimelineMarks';
import { laneWords, TimelineOverflow, type MarkerState } from './TimelineOverflow';
import { useBrush } from './use-brush';
import { useNarrow } from './use-narrow';
import { useWidth } from './use-width';
import { useZoomGestures } from './use-zoom-gestures';

/** The axis's labels above the lanes, px. */
const AXIS = 18;
const ROW = 18;
const BAR = 15;
const LANE_GAP = 6;
/** Rows per lane: on a phone fewer, so more lanes show in its shorter strip. */
const ROWS = 8;
const PHONE_ROWS = 3;
/** One press of + or − (or the keys) zooms by this much. */
const STEP = 1.6;
/** One press of an arrow key pans by this much of the window. */
const PAN = 0.2;
/** The labels' font, as timeline.css sets it. */
const LABEL_FONT = '11px Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

/**
 * Up to this many dated items the strip draws the whole dataset. Beyond it a mark per item is thousands of
 * elements nobody can tell apart (and seconds of the first paint): the strip draws the view's items over a
 * band showing how the whole dataset's dates spread.
 */
const WHOLE_DATASET_LIMIT = 2_000;

const NOTHING: Subgraph = { entityIds: [], relations: [] };

export function Timeline() {
  // A server dataset's model grows at each expansion: the strip follows it in a render React can put off,
  // so the canvas paints the step first (in the step's own render it was a third of expand-to-painted).
  const model = useDeferredValue(useThreadline((s) => s.model));
  const wholeDataset = !model || model.dates.count <= WHOLE_DATASET_LIMIT;
  // Read only in view mode: a small dataset's strip does not follow the view.
  const subgraph = useThreadline((s) => (wholeDataset ? null : selectSubgraph(s)));
  // The strip follows the view a moment later, in a render React can interrupt: placing thousands of a
  // large view's relations must not hold up the canvas or make one long task with the explorer's mount.
  const shown = useDeferredValue(subgraph, wholeDataset ? null : NOTHING);
  const data = useMemo(() => (model ? timelineData(model, shown ?? undefined) : null), [model, shown]);
  const undated = useMemo(() => (model ? undatedCount(model, shown ?? undefined) : null), [model, shown]);
  if (!model || !data?.domain || !undated) return null;
  return (
    <TimelineStrip
      model={model}
      data={data}
      domain={data.domain}
      overview={!wholeDataset}
      undated={undated}
    />
  );
}

/** "Undated, not shown: 301 relations, 2 events", or nothing when every item is dated. */
function undatedWords(u: { relations: number; events: number }): string | null {
  const part = (n: number, what: string) =>
    n === 0 ? null : `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;
  const parts = [part(u.relations, 'relation'), part(u.events, 'event')].filter(Boolean);
  return parts.length === 0 ? null : `Undated, not shown: ${parts.join(', ')}`;
}

function TimelineStrip({
  model,
  data,
  domain,
  overview,
  undated,
}: {
  model: Model;
  data: TimelineData;
  domain: Span;
  /** Marks are the view's items only; a density band shows the whole dataset. */
  overview: boolean;
  undated: { relations: number; events: number };
}) {
  const plot = useRef<HTMLDivElement>(null);
  const width = useWidth(plot);
  const narrow = useNarrow();
  const filters = useThreadline((s) => s.filters);
  const selection = useThreadline((s) => s.selection);
  const path = useThreadline((s) => s.highlightedPath);
  const { setFilters, selectEntity, selectRelation } = useActions();
  const [hovered, setHovered] = useState<Mark | null>(null);
  const [popover, setPopover] = useState<{ list: PickList; left: number } | null>(null);
  const closePopover = useCallback(() => setPopover(null), []);

  // The window shown, kept with the domain it belongs to: a new domain (another dataset) opens on its focus.
  const focus = useMemo(
    () => focusWindow(data.items, domain),
    // Only a new domain moves the opening window; the items of a view do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [domain.start, domain.end],
  );
  const [zoom, setZoom] = useState<{ domain: Span; window: Span }>({ domain, window: focus });
  const sameDomain = zoom.domain.start === domain.start && zoom.domain.end === domain.end;
  const view = sameDomain ? zoom.window : focus;
  const change = useCallback(
    (next: (w: Span) => Span) =>
      setZoom((z) => {
        const current = z.domain.start === domain.start && z.domain.end === domain.end ? z.window : focus;
        return { domain, window: next(current) };
      }),
    [domain, focus],
  );
  const zoomBy = useCallback(
    (factor: number, anchor = 0.5) => change((w) => zoomWindow(w, domain, factor, anchor)),
    [change, domain],
  );
  const panBy = useCallback(
    (fraction: number) => change((w) => panWindow(w, domain, fraction)),
    [change, domain],
  );
  useZoomGestures(plot, { zoom: zoomBy, pan: panBy });

  const measure = useMemo(() => textMeasure(LABEL_FONT), []);
  const seeds = useMemo(() => seedMarks(data.items, (i) => laneOf(model, i)), [data, model]);
  const options = useMemo(
    () => ({
      width: Math.max(width, 1),
      window: view,
      domain,
      maxRows: narrow ? PHONE_ROWS : ROWS,
      rowHeight: ROW,
      laneGap: LANE_GAP,
      measure,
    }),
    [width, view, domain, narrow, measure],
  );
  const packed = useMemo(() => layoutTimeline(seeds, options), [seeds, options]);
  const seedOf = useMemo(() => {
    const of = new Map<string, MarkSeed>();
    for (const s of seeds) for (const id of s.ids) if (!of.has(id)) of.set(id, s);
    return of;
  }, [seeds]);
  // What is selected is drawn, never left in a "+N": laid out again, with it first, only when it would be.
  const selectedKey = selection ? seedOf.get(selection.id)?.key : undefined;
  const keep = selectedKey !== undefined && packed.gathered.has(selectedKey) ? selectedKey : undefined;
  const layout = useMemo(
    () => (keep === undefined ? packed : layoutTimeline(seeds, { ...options, keep })),
    [packed, seeds, options, keep],
  );
  // Marks gathered into markers are indexed too, so a marker can show that it holds a related mark.
  const placed = useMemo(
    (): PlacedMark[] => [...layout.marks, ...layout.overflow.flatMap((o) => o.held)],
    [layout],
  );
  const index = useMemo(() => indexMarks(placed), [placed]);
  // Each state's marks only when that state changes: a selection does not refilter thousands of marks.
  const selectionState = useMemo(() => selectionMarks(model, index, selection), [model, index, selection]);
  const onPath = useMemo(() => pathMarks(index, path), [index, path]);
  const filtered = useMemo(() => filteredMarks(model, placed, filters), [model, placed, filters]);
  const markers = useMemo(
    (): MarkerState[] =>
      layout.overflow.map((marker) => ({
        marker,
        action: overflowTarget(marker.span, view, domain) ? 'zoom' : 'list',
        related: marker.held.some((m) => selectionState.related.has(m.key)),
        onPath: marker.held.some((m) => onPath.has(m.key)),
        filtered: marker.held.every((m) => filtered.has(m.key)),
      })),
    [layout, view, domain, selectionState, onPath, filtered],
  );

  // Something selected elsewhere (the graph, a list) whose bar is out of the window is brought into it.
  // Adjusted while rendering, when the selection is new (React's pattern for state following a prop).
  const [seenSelection, setSeenSelection] = useState(selection);
  if (seenSelection !== selection) {
    setSeenSelection(selection);
    const seed = selection ? seedOf.get(selection.id) : undefined;
    if (seed) {
      const from = seed.start ?? seed.end ?? domain.start;
      const to = seed.end ?? seed.start ?? domain.end;
      if (!(to > view.start && from < view.end)) {
        const half = (view.end - view.start) / 2;
        const middle = (from + to) / 2;
        change(() => panWindow({ start: middle - half, end: middle + half }, domain, 0));
      }
    }
  }

  // The popover sits in the strip, over the graph: from the plot's x to the strip's, kept inside it.
  const openList = useCallback((list: PickList, anchor: number) => {
    const plotLeft = plot.current?.offsetLeft ?? 0;
    const plotWidth = plot.current?.clientWidth ?? 0;
    setPopover({
      list,
      left: Math.min(Math.max(anchor + plotLeft - 160, 0), Math.max(0, plotLeft + plotWidth - 320)),
    });
  }, []);
  // Stable, so the memoised marks are not re-rendered for a new callback.
  const choose = useCallback(
    (mark: Mark, anchor: number) => {
      if (mark.kind === 'entity') return selectEntity(mark.key);
      if (mark.ids.length === 1) return selectRelation(mark.ids[0]!);
      openList(
        {
          name: `Relations dated ${mark.date.label}`,
          head: `${mark.ids.length} relations · ${mark.date.label}`,
          marks: [mark],
        },
        anchor,
      );
    },
    [selectEntity, selectRelation, openList],
  );
  const openMarker = useCallback(
    (marker: OverflowMark, action: 'zoom' | 'list', anchor: number) => {
      if (action === 'zoom') return change((w) => overflowTarget(marker.span, w, domain) ?? w);
      const more = `${marker.items} more in ${laneWords(marker)}`;
      const when = spanWords(marker.span);
      openList({ name: `${more}, ${when}`, head: `${more} · ${when}`, marks: marker.held }, anchor);
    },
    [change, domain, openList],
  );
  const pick = useCallback(
    (p: Picked) => {
      setPopover(null);
      if (p.kind === 'entity') selectEntity(p.id);
      else selectRelation(p.id);
    },
    [selectEntity, selectRelation],
  );
  const span = view.end - view.start;
  const xOf = (year: number) => ((year - view.start) / span) * width;
  const yearAt = (x: number) => view.start + (x / Math.max(width, 1)) * span;
  const { brush, handlers } = useBrush((x0, x1) =>
    setFilters(setTimeRange(filters, brushRange(yearAt(x0), yearAt(x1), layout.ticks.unit))),
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const t = e.target;
    if (t instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const act: Record<string, () => void> = {
      '+': () => zoomBy(1 / STEP),
      '=': () => zoomBy(1 / STEP),
      '-': () => zoomBy(STEP),
      '0': () => change(() => domain),
      ArrowLeft: () => panBy(-PAN),
      ArrowRight: () => panBy(PAN),
    };
    const run = act[e.key];
    if (!run) return;
    e.preventDefault();
    // The arrows here move in time; they must not also walk the selected entity's relations.
    e.stopPropagation();
    run();
  };

  const selectedMark = selection
    ? (index.entity.get(selection.id) ?? index.relation.get(selection.id))
    : undefined;
  const range = filters.timeRange;
  const rangeSpan = range ? timeRangeSpan(range) : null;
  const whole = isWhole(view, domain);
  const plotHeight = AXIS + layout.height + LANE_GAP;
  const undatedText = undatedWords(undated);

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline" onKeyDown={onKeyDown}>
      <div className="tl-head">
        <p className="tl-caption" aria-live="polite">
          {caption(model, hovered ?? selectedMark, range && rangeWords(range), overview, narrow)}
        </p>
        {range && (
          <span className="tl-range-chip">
            {rangeWords(range)}
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
        {undatedText && (
          <span className="tl-undated-count" data-testid="timeline-undated">
            {undatedText}
          </span>
        )}
        <div className="tl-zoom" role="group" aria-label="Timeline zoom">
          <span className="tl-window" data-testid="timeline-window">
            {spanWords(view)}
          </span>
          <button
            type="button"
            className="tl-zoom-button"
            aria-label="Zoom out of the timeline"
            title="Zoom out (−)"
            disabled={whole}
            onClick={() => zoomBy(STEP)}
          >
            −
          </button>
          <button
            type="button"
            className="tl-zoom-button"
            aria-label="Zoom into the timeline"
            title="Zoom in (+)"
            onClick={() => zoomBy(1 / STEP)}
          >
            +
          </button>
          <button
            type="button"
            className="tl-zoom-button tl-zoom-all"
            aria-label="Show all the years"
            title="All the years (0)"
            disabled={whole}
            onClick={() => change(() => domain)}
          >
            All
          </button>
        </div>
      </div>
      <div
        className="tl-body"
        tabIndex={0}
        role="group"
        aria-label="Timeline lanes: arrow keys move in time, + and − zoom, 0 shows all"
      >
        <div className="tl-gutter" style={{ height: plotHeight }}>
          {layout.lanes.map((lane) => (
            <div
              key={lane.info.key}
              className="tl-lane-label"
              data-lane={lane.info.key}
              style={{ top: AXIS + lane.top, height: lane.height }}
            >
              <span className="tl-lane-name">{lane.info.label}</span>
              {lane.info.sub && <span className="tl-lane-sub">{lane.info.sub}</span>}
            </div>
          ))}
        </div>
        <div
          ref={plot}
          className="tl-plot"
          style={{ height: plotHeight }}
          data-domain-start={domain.start}
          data-domain-end={domain.end}
          data-view-start={view.start}
          data-view-end={view.end}
          data-unit={layout.ticks.unit}
          {...handlers}
        >
          {layout.lanes.map((lane, i) => (
            <span
              key={lane.info.key}
              className={i % 2 === 0 ? 'tl-lane-bg' : 'tl-lane-bg tl-lane-bg-odd'}
              style={{ top: AXIS + lane.top - LANE_GAP / 2, height: lane.height + LANE_GAP }}
            />
          ))}
          {overview && width > 0 && (
            <DensityBand
              perYear={model.dates.perYear}
              domain={view}
              width={width}
              top={AXIS}
              height={layout.height}
              total={model.dates.count}
            />
          )}
          {layout.ticks.ticks.map((t) => (
            <span
              key={t.at}
              className={t.major ? 'tl-tick tl-tick-major' : 'tl-tick'}
              style={{ left: t.x, top: AXIS - 3 }}
            />
          ))}
          {rangeSpan && (
            <>
              <span className="tl-outside" style={{ left: 0, width: Math.max(0, xOf(rangeSpan.start)) }} />
              <span className="tl-outside" style={{ left: Math.min(width, xOf(rangeSpan.end)), right: 0 }} />
              <span
                className="tl-range"
                style={{
                  left: Math.max(-2, xOf(rangeSpan.start)),
                  width: Math.max(
                    0,
                    Math.min(width + 2, xOf(rangeSpan.end)) - Math.max(-2, xOf(rangeSpan.start)),
                  ),
                }}
              />
            </>
          )}
          {width > 0 && (
            <TimelineMarks
              model={model}
              marks={layout.marks}
              top={AXIS}
              height={BAR}
              selection={selectionState}
              onPath={onPath}
              filtered={filtered}
              onChoose={choose}
              onHover={setHovered}
            />
          )}
          {width > 0 && (
            <TimelineOverflow model={model} markers={markers} top={AXIS} height={BAR} onOpen={openMarker} />
          )}
          {brush && (
            <span
              className="tl-brush"
              style={{ left: Math.min(brush.x0, brush.x1), width: Math.abs(brush.x1 - brush.x0) }}
            />
          )}
          {/* Last, and sticky: the axis stays in sight above the lanes as they scroll. */}
          <div className="tl-axis" aria-hidden="true">
            {/* A label that would run off the right edge is left out; its tick still shows. */}
            {layout.ticks.ticks
              .filter((t) => t.x <= width - 30)
              .map((t) => (
                <span
                  key={t.at}
                  className={t.major ? 'tl-tick-label tl-tick-label-major' : 'tl-tick-label'}
                  style={{ left: t.x }}
                >
                  {t.label}
                </span>
              ))}
          </div>
        </div>
      </div>
      {popover && (
        <PickPopover
          model={model}
          list={popover.list}
          left={popover.left}
          onPick={pick}
          onClose={closePopover}
        />
      )}
    </section>
  );
}

/** The line above the lanes: what the pointer is on, else what is selected, else how to use the strip. */
function caption(
  model: Model,
  mark: PlacedMark | undefined | null,
  range: string | null,
  overview: boolean,
  /** A phone: a finger drag pans, and the period is set in Filters. */
  narrow: boolean,
): string {
  if (mark) {
    const when = markWhen(model, mark);
    const what = mark.ids.length > 1 ? `${mark.ids.length} relations` : mark.label;
    return `${what} — ${when} (${describePrecision(mark.date, mark.openStart, mark.openEnd)})`;
  }
  if (range) return `Showing ${range}: dated items outside it are filtered out; undated ones stay.`;
  if (narrow) return 'Swipe sideways to move in time, pinch or + − to zoom; tap a bar to read its evidence.';
  if (overview)
    return `Bars: the view's dated items. Shading: all ${model.dates.count.toLocaleString('en')} in the dataset, by year. Drag across to filter.`;
  return 'Drag across to filter the graph to a period; wheel or + − to zoom; click a bar to read its evidence.';
}
