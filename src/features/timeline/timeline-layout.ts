/**
 * Lays the dated items out on the strip for the window shown: a lane per kind of item (timeline-lanes.ts),
 * relations of one lane and one date grouped into one bar, bars packed into rows, labels placed without
 * collisions (timeline-labels.ts), and the axis's ticks for the zoom (timeline-ticks.ts).
 */
import type { ResolvedDate } from '../../model/core/dates';
import type { TimelineItem } from '../../model/analysis/timeline';
import { placeLabels, type LabelPlace } from '../../model/analysis/timeline-labels';
import type { LaneInfo } from '../../model/analysis/timeline-lanes';
import { axisTicks, type AxisTicks } from '../../model/analysis/timeline-ticks';
import type { Span } from '../../model/analysis/timeline-zoom';
import { packLanes } from './lanes';

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

export interface LaneLayout {
  info: LaneInfo;
  /** Top of its first row in the lanes' area, px, and how many rows it has. */
  top: number;
  rows: number;
  height: number;
}

export interface TimelineLayout {
  lanes: LaneLayout[];
  /** Only the marks in the window, on screen. */
  marks: Mark[];
  /** Height of the lanes' area, px. */
  height: number;
  ticks: AxisTicks;
}

export interface LayoutOptions {
  width: number;
  /** The window of time shown, and the whole domain (open ends run to its edges). */
  window: Span;
  domain: Span;
  /** Rows per lane at most; past that, bars overlap in the row that frees first. */
  maxRows: number;
  /** Pitch of a row, px. */
  rowHeight: number;
  /** Space between lanes, px. */
  laneGap: number;
  /** A label's width, px. */
  measure(text: string): number;
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

/** The marks' seeds: one per dated entity, one per group of a lane's relations sharing a date. */
export function seedMarks(items: readonly TimelineItem[], laneOf: (i: TimelineItem) => LaneInfo): MarkSeed[] {
  const seeds: MarkSeed[] = [];
  const groups = new Map<string, MarkSeed>();
  for (const i of items) {
    const lane = laneOf(i);
    if (i.kind === 'entity') {
      seeds.push({
        key: i.id,
        kind: 'entity',
        ids: [i.id],
        label: i.label,
        sentences: [i.label],
        date: i.date,
        lane,
        start: i.start,
        end: i.end,
      });
      continue;
    }
    const key = `rel:${lane.key}:${i.date.start}|${i.date.end ?? ''}|${i.date.approximate ? '~' : ''}`;
    const group = groups.get(key);
    if (group) {
      group.ids.push(i.id);
      group.sentences.push(i.label);
      continue;
    }
    const seed: MarkSeed = {
      key,
      kind: 'relations',
      ids: [i.id],
      label: i.label,
      sentences: [i.label],
      date: i.date,
      lane,
      start: i.start,
      end: i.end,
    };
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
  let top = 0;
  for (const { info, seeds: members } of [...byLane.values()].sort(
    (a, b) => a.info.order - b.info.order || a.info.key.localeCompare(b.info.key),
  )) {
    const shown: Omit<Mark, 'row' | 'labelPlace' | 'top'>[] = [];
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
    const rows = packLanes(
      shown.map((m, i) => {
        const reserve = texts[i]! + 8 > m.width ? Math.min(texts[i]! + 8, LABEL_RESERVE) : 0;
        return { x0: m.x, x1: m.x + m.width + reserve, x1Label: m.x + m.width + reserve };
      }),
      o.maxRows,
    );
    const rowCount = Math.max(1, ...rows.map((r) => r.lane + 1));
    const labels: LabelPlace[] = new Array<LabelPlace>(shown.length);
    for (let row = 0; row < rowCount; row++) {
      const inRow = shown.map((_, i) => i).filter((i) => rows[i]!.lane === row);
      const placed = placeLabels(
        inRow.map((i) => ({ x: shown[i]!.x, width: shown[i]!.width, text: texts[i]! })),
        o.width,
      );
      inRow.forEach((i, k) => (labels[i] = placed[k]!));
    }
    shown.forEach((m, i) =>
      marks.push({
        ...m,
        row: rows[i]!.lane,
        top: top + rows[i]!.lane * o.rowHeight,
        labelPlace: labels[i]!,
      }),
    );
    // A lane named on two lines ("People", "relations") is tall enough for both, even with one row.
    const height = Math.max(rowCount * o.rowHeight, info.sub ? TWO_LINE_LABEL : 0);
    lanes.push({ info, top, rows: rowCount, height });
    top += height + o.laneGap;
  }
  return {
    lanes,
    marks,
    height: Math.max(0, top - o.laneGap),
    ticks: axisTicks(o.window, o.width),
  };
}
