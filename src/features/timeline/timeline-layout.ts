/** Lays the dated items out on the strip: events one mark each, relations grouped by identical date, lanes packed, axis ticks. */
import type { ResolvedDate } from '../../model/core/dates';
import type { TimelineItem } from '../../model/analysis/timeline';
import { packLanes } from './lanes';

export interface Mark {
  /** The entity id, or "rel:" and the shared date for a group of relations. */
  key: string;
  kind: 'entity' | 'relations';
  /** The entity, or every relation in the group. */
  ids: string[];
  label: string;
  date: ResolvedDate;
  openStart: boolean;
  openEnd: boolean;
  x: number;
  width: number;
  lane: number;
  showLabel: boolean;
  /** The label fits inside the bar. */
  labelInside: boolean;
}

export interface TimelineLayout {
  events: Mark[];
  relations: Mark[];
  eventLanes: number;
  relationLanes: number;
  ticks: Array<{ year: number; x: number; major: boolean }>;
}

export interface LayoutOptions {
  width: number;
  domain: { start: number; end: number };
  maxEventLanes: number;
  maxRelationLanes: number;
  /** Average label character width, px. */
  charWidth: number;
}

/** Narrow dates (a month, a day) still get a mark wide enough to see and click. */
const MIN_WIDTH = 5;

export function layoutTimeline(items: readonly TimelineItem[], o: LayoutOptions): TimelineLayout {
  const span = o.domain.end - o.domain.start;
  const xOf = (year: number) => ((year - o.domain.start) / span) * o.width;
  const place = (start: number | null, end: number | null) => {
    const x0 = xOf(start ?? o.domain.start);
    const x1 = xOf(end ?? o.domain.end);
    const width = Math.max(MIN_WIDTH, x1 - x0);
    // A point-like mark is centred on its date rather than starting there.
    return { x: x1 - x0 < MIN_WIDTH ? (x0 + x1 - MIN_WIDTH) / 2 : x0, width };
  };
  const entityMarks: Omit<Mark, 'lane' | 'showLabel' | 'labelInside'>[] = items
    .filter((i) => i.kind === 'entity')
    .map((i) => ({
      key: i.id,
      kind: 'entity',
      ids: [i.id],
      label: i.label,
      date: i.date,
      openStart: i.start === null,
      openEnd: i.end === null,
      ...place(i.start, i.end),
    }));
  const groups = new Map<string, TimelineItem[]>();
  for (const i of items.filter((it) => it.kind === 'relation')) {
    const key = `rel:${i.date.start}|${i.date.end ?? ''}|${i.date.approximate ? '~' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const relationMarks = [...groups].map(([key, members]) => {
    const first = members[0]!;
    return {
      key,
      kind: 'relations' as const,
      ids: members.map((m) => m.id),
      label: members.length === 1 ? first.label : `${members.length} relations`,
      date: first.date,
      openStart: first.start === null,
      openEnd: first.end === null,
      ...place(first.start, first.end),
    };
  });
  const pack = (marks: typeof entityMarks, maxLanes: number, labelled: boolean): Mark[] => {
    // Longer marks first at the same start, so short ones sit beside them rather than under.
    const sorted = [...marks].sort((a, b) => a.x - b.x || b.width - a.width || a.key.localeCompare(b.key));
    const labelWidth = (m: (typeof marks)[number]) => (labelled ? m.label.length * o.charWidth + 8 : 0);
    const placements = packLanes(
      sorted.map((m) => {
        const inside = labelWidth(m) <= m.width;
        return {
          x0: m.x,
          x1: m.x + m.width,
          x1Label: inside ? m.x + m.width : m.x + m.width + labelWidth(m),
        };
      }),
      maxLanes,
      o.width,
    );
    return sorted.map((m, i) => ({
      ...m,
      lane: placements[i]!.lane,
      showLabel: labelled && placements[i]!.showLabel,
      labelInside: labelWidth(m) <= m.width,
    }));
  };
  const events = pack(entityMarks, o.maxEventLanes, true);
  const relations = pack(relationMarks, o.maxRelationLanes, false);
  const ticks: TimelineLayout['ticks'] = [];
  for (let y = Math.ceil(o.domain.start); y <= o.domain.end; y++)
    ticks.push({ year: y, x: xOf(y), major: y % 5 === 0 });
  return {
    events,
    relations,
    eventLanes: Math.max(1, ...events.map((m) => m.lane + 1)),
    relationLanes: Math.max(1, ...relations.map((m) => m.lane + 1)),
    ticks,
  };
}
