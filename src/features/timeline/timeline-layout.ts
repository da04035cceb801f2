/**
 * Lays the dated items out on the strip for the window shown: a lane per kind of item (timeline-lanes.ts),
 * relations of one lane and one date grouped into one bar, bars packed into rows with those that find none
 * gathered into "+N" markers (packLane), labels placed without collisions (timeline-labels.ts), and the
 * axis's ticks for the zoom (timeline-ticks.ts).
 */
import type { ResolvedDate } from '../../model/core/dates';
import type { TimelineItem } from '../../model/analysis/timeline';
import { LABEL_PAD, placeLabels, type LabelPlace } from '../../model/analysis/timeline-labels';
import { packLane, type LaneInfo } from '../../model/analysis/timeline-lanes';
import { axisTicks, type AxisTicks } from '../../model/analysis/timeline-ticks';
import type { Span } from '../../model/analysis/timeline-zoom';

/** An entity, or the relations of one lane sharing one date: placed on the axis, not yet on screen. */
export interface MarkSeed {
  /** The entity id, or "rel:", the lane and the shared date for a group of relations. */
  key: string;
  kind: 'entity' | 'relations';
  /** The entity, or every relation in the group. */
  ids: string[];
  label: string;
  /** Each relation's sentence, for the tooltip of a group. */
  sentences: string[];
  date: ResolvedDate;
  lane: LaneInfo;
  /** Fractional years; null for an open end. */
  start: number | null;
  end: number | null;
}

export interface Mark extends MarkSeed {
  openStart: boolean;
  openEnd: boolean;
  row: number;
  /** On the plot, px, cut a little beyond its edges. */
  x: number;
  width: number;
  /** A single day too narrow to draw as a span: a dot centred on it. */
  point: boolean;
  /** Cut at an edge of the plot: it goes on beyond what is shown. */
  cutStart: boolean;
  cutEnd: boolean;
  labelPlace: LabelPlace;
  /** Top of its row in the lanes' area, px. */
  top: number;
}

/** A mark placed on the plot, before it has a row. */
export type PlacedMark = Omit<Mark, 'row' | 'labelPlace' | 'top'>;

/** Bars of a lane that found no row, gathered where they lie into one "+N" marker in the lane's last row. */
export interface OverflowMark {
  key: string;
  lane: LaneInfo;
  /** The bars it holds, in order of start. */
  held: PlacedMark[];
  /** The entities and relations those bars stand for: its N. */
  items: number;
  /** On the plot, px, and its row's top in the lanes' area. */
  x: number;
  width: number;
  row: number;
  top: number;
  /** The years its bars cover, open ends at their known end: the window a click zooms to. */
  span: Span;
}

export interface LaneLayout {
  info: LaneInfo;
  /** Top of its first row in the lanes' area, px, and how many rows it has. */
  top: number;
  rows: number;
  height: number;
}

export interface TimelineLayout {
  lanes: LaneLayout[];
  /** The marks in the window that have a row, on screen. */
  marks: Mark[];
  /** The rest of the window's marks, gathered into markers: no bar is drawn over another. */
  overflow: OverflowMark[];
  /** Each gathered mark's key → the marker holding it. */
  gathered: ReadonlyMap<string, OverflowMark>;
  /** Height of the lanes' area, px. */
  height: number;
  ticks: AxisTicks;
}

export interface LayoutOptions {
  width: number;
  /** The window of time shown, and the whole domain (open ends run to its edges). */
  window: Span;
  domain: Span;
  /** Rows per lane at most; past that, the last row holds "+N" markers for the bars left out. */
  maxRows: number;
  /** Pitch of a row, px. */
  rowHeight: number;
  /** Space between lanes, px. */
  laneGap: number;
  /** A label's width, px. */
  measure(text: string): number;
  /** A mark's key that must be drawn rather than gathered (the selection), when it is in the window. */
  keep?: string;
}

/** A single date narrower than this is drawn as a dot; a span narrower than this is widened to it. */
export const MIN_MARK = 9;
/** The length of the fading tail an open start or end is drawn as, px. */
export const OPEN_TAIL = 44;
/** Room kept beside a narrow bar when packing rows, so a short label can sit there. */
const LABEL_RESERVE = 110;
/** The height a lane's two-line name needs, px. */
const TWO_LINE_LABEL = 28;
/** How far past the plot's edges a bar is drawn before being cut (keeps its label's start in place). */
const BLEED = 8;
/** A marker's left and right borders together, px (timeline.css). */
const MARKER_BORDER = 2;

/** What a marker says: how many more are there. */
export const overflowText = (items: number): string => `+${items.toLocaleString('en')}`;

/** The years a set of marks covers; an open end counts at its known end, a lone open end at the domain's. */
function spanOf(marks: readonly PlacedMark[], domain: Span): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const m of marks) {
    start = Math.min(start, m.start ?? m.end ?? domain.start);
    end = Math.max(end, m.end ?? m.start ?? domain.end);
  }
  return { start, end };
}

/** The marks' seeds: one per dated entity, one per group of a lane's relations sharing a date. */
export function seedMarks(items: readonly TimelineItem[], laneOf: (i: TimelineItem) => LaneInfo): MarkSeed[] {
  const seeds: MarkSeed[] = [];
  const groups = new Map<string, MarkSeed>();
  for (const i of items) {
    const lane = laneOf(i);
    const seedOf = (key: string, kind: MarkSeed['kind']): MarkSeed => ({
      key,
      kind,
      ids: [i.id],
      label: i.label,
      sentences: [i.label],
      date: i.date,
      lane,
      start: i.start,
      end: i.end,
    });
    if (i.kind === 'entity') {
      seeds.push(seedOf(i.id, 'entity'));
      continue;
    }
    const key = `rel:${lane.key}:${i.date.start}|${i.date.end ?? ''}|${i.date.approximate ? '~' : ''}`;
    const group = groups.get(key);
    if (group) {
      group.ids.push(i.id);
      group.sentences.push(i.label);
      continue;
    }
    const seed = seedOf(key, 'relations');
    groups.set(key, seed);
    seeds.push(seed);
  }
  // A group's label says how many it holds, then what they are, as far as there is room.
  for (const s of groups.values())
    if (s.ids.length > 1) s.label = `${s.ids.length} relations: ${s.sentences.join('; ')}`;
  return seeds;
}

export function layoutTimeline(seeds: readonly MarkSeed[], o: LayoutOptions): TimelineLayout {
  const length = o.window.end - o.window.start;
  const perYear = o.width / length;
  const xOf = (year: number) => (year - o.window.start) * perYear;
  const byLane = new Map<string, { info: LaneInfo; seeds: MarkSeed[] }>();
  for (const s of seeds) {
    const lane = byLane.get(s.lane.key);
    if (lane) lane.seeds.push(s);
    else byLane.set(s.lane.key, { info: s.lane, seeds: [s] });
  }
  const lanes: LaneLayout[] = [];
  const marks: Mark[] = [];
  const overflow: OverflowMark[] = [];
  const gathered = new Map<string, OverflowMark>();
  let top = 0;
  for (const { info, seeds: members } of [...byLane.values()].sort(
    (a, b) => a.info.order - b.info.order || a.info.key.localeCompare(b.info.key),
  )) {
    const shown: PlacedMark[] = [];
    for (const s of members) {
      // An open end is drawn as a short fading tail from the known end: no span claims a start or an end
      // the sources do not give.
      const x0 = s.start === null ? xOf(s.end!) - OPEN_TAIL : xOf(s.start);
      const x1 = s.end === null ? xOf(s.start!) + OPEN_TAIL : xOf(s.end);
      if (x1 < 0 || x0 > o.width) continue;
      const point = s.date.precision === 'day' && s.start !== null && s.end !== null && x1 - x0 < MIN_MARK;
      let left = x0;
      let right = x1;
      if (right - left < MIN_MARK) {
        // Centred on its date rather than starting there.
        left = (x0 + x1 - MIN_MARK) / 2;
        right = left + MIN_MARK;
      }
      const cutStart = left < -BLEED;
      const cutEnd = right > o.width + BLEED;
      left = Math.max(left, -BLEED);
      right = Math.min(right, o.width + BLEED);
      shown.push({
        ...s,
        openStart: s.start === null,
        openEnd: s.end === null,
        x: left,
        width: right - left,
        point,
        cutStart,
        cutEnd,
      });
    }
    // Longer marks first at the same start, so short ones sit beside them rather than under.
    shown.sort((a, b) => a.x - b.x || b.width - a.width || a.key.localeCompare(b.key));
    const texts = shown.map((m) => o.measure(m.label));
    const keep = o.keep === undefined ? -1 : shown.findIndex((m) => m.key === o.keep);
    const packed = packLane(
      shown.map((m, i) => {
        const reserve = texts[i]! + 8 > m.width ? Math.min(texts[i]! + 8, LABEL_RESERVE) : 0;
        return { x0: m.x, x1: m.x + m.width, reach: m.x + m.width + reserve, items: m.ids.length };
      }),
      {
        maxRows: o.maxRows,
        plotWidth: o.width,
        markerWidth: (n) => o.measure(overflowText(n)) + 2 * LABEL_PAD + MARKER_BORDER,
        keep: keep < 0 ? undefined : keep,
      },
    );
    const rowCount = packed.rowCount;
    const markerRow = rowCount - 1;
    const lanesMarkers: OverflowMark[] = packed.overflow.map((g) => {
      const held = g.members.map((i) => shown[i]!);
      const marker: OverflowMark = {
        key: `more:${info.key}:${held[0]!.key}`,
        lane: info,
        held,
        items: g.items,
        x: g.x,
        width: g.width,
        row: markerRow,
        top: top + markerRow * o.rowHeight,
        span: spanOf(held, o.domain),
      };
      for (const m of held) gathered.set(m.key, marker);
      return marker;
    });
    overflow.push(...lanesMarkers);
    const labels: LabelPlace[] = new Array<LabelPlace>(shown.length);
    for (let row = 0; row < rowCount; row++) {
      const inRow = shown.map((_, i) => i).filter((i) => packed.rows[i] === row);
      // In the markers' row the markers are in the way of the labels too; their own "+N" is inside them.
      const obstacles = row === markerRow ? lanesMarkers : [];
      const placed = placeLabels(
        [
          ...inRow.map((i) => ({ x: shown[i]!.x, width: shown[i]!.width, text: texts[i]! })),
          ...obstacles.map((m) => ({ x: m.x, width: m.width, text: 0 })),
        ],
        o.width,
      );
      inRow.forEach((i, k) => (labels[i] = placed[k]!));
    }
    shown.forEach((m, i) => {
      const row = packed.rows[i];
      if (row === null || row === undefined) return;
      marks.push({ ...m, row, top: top + row * o.rowHeight, labelPlace: labels[i]! });
    });
    // A lane named on two lines ("People", "relations") is tall enough for both, even with one row.
    const height = Math.max(rowCount * o.rowHeight, info.sub ? TWO_LINE_LABEL : 0);
    lanes.push({ info, top, rows: rowCount, height });
    top += height + o.laneGap;
  }
  return {
    lanes,
    marks,
    overflow,
    gathered,
    height: Math.max(0, top - o.laneGap),
    ticks: axisTicks(o.window, o.width),
  };
}
