/**
 * Which lane of the timeline a dated item goes in. Dated entities (events, investigations, documents…) have a
 * lane per base type; a relation goes in the lane of what its sentence is about (its subject's base type), so
 * "People · relations" reads as what people did and said, "Organizations · relations" what organisations did.
 */
import { baseTypeOf } from '../core/entity-types';
import type { Model } from '../core/model';
import { ENTITY_TYPES, type EntityType } from '../core/vocabulary';
import type { TimelineItem } from './timeline';

export interface LaneInfo {
  key: string;
  /** The lane's name: "Events", "People". */
  label: string;
  /** Under the name, for relation lanes: "relations". */
  sub: string | null;
  /** Sorts the lanes: entity lanes first, events at the top; then relation lanes, people first. */
  order: number;
}

const PLURAL: Record<EntityType, string> = {
  person: 'People',
  country: 'Countries',
  organization: 'Organizations',
  event: 'Events',
  financial: 'Financial',
  document: 'Documents',
  place: 'Places',
  media: 'Media',
};

/** What happens is read first; then who did it. */
const ENTITY_ORDER: readonly EntityType[] = [
  'event',
  'document',
  'financial',
  'organization',
  'person',
  'country',
  'place',
  'media',
];
const RELATION_ORDER: readonly EntityType[] = [
  'person',
  'organization',
  'country',
  'event',
  'document',
  'financial',
  'place',
  'media',
];

function rank(order: readonly EntityType[], type: EntityType): number {
  const i = order.indexOf(type);
  return i < 0 ? ENTITY_TYPES.length : i;
}

/** An entity id's base type; a subject unknown to the model (never in validated data) counts as a document. */
function baseOf(model: Model, id: string | null): EntityType {
  const type = id === null ? undefined : model.entities.get(id)?.type;
  return type === undefined ? 'document' : baseTypeOf(model, type);
}

export function laneOf(model: Model, item: TimelineItem): LaneInfo {
  if (item.kind === 'entity') {
    const type = baseOf(model, item.id);
    return { key: `entities:${type}`, label: PLURAL[type], sub: null, order: rank(ENTITY_ORDER, type) };
  }
  const type = baseOf(model, item.subject);
  return {
    key: `relations:${type}`,
    label: PLURAL[type],
    sub: 'relations',
    order: 100 + rank(RELATION_ORDER, type),
  };
}

/**
 * A lane's bars in rows. A bar keeps the room its label needs beside it, so no bar covers another or its
 * label. Bars that find no row are never drawn over others: they are gathered, where they lie, into
 * overflow markers ("+12") in the lane's last row, which a click opens (timeline-zoom.ts, overflowTarget).
 */
export interface RowBar {
  /** The bar's left and right edges on the plot, px. */
  x0: number;
  x1: number;
  /** Where the room kept for its label ends, px: x1, or further when the label sits beside the bar. */
  reach: number;
  /** How many items the bar stands for: 1, or the relations of a group. */
  items: number;
}

export interface OverflowMarker {
  /** The bars it gathers (indices into the bars given), in order of start. */
  members: number[];
  /** How many items those bars stand for: the marker's "+N". */
  items: number;
  /** Left edge and width on the plot, px. */
  x: number;
  width: number;
}

export interface LanePacking {
  /** Each bar's row, or null for a bar gathered into a marker. */
  rows: (number | null)[];
  /** Rows the lane takes, the markers' row included. */
  rowCount: number;
  /** The markers, all in the last row (rowCount - 1); none when every bar has a row. */
  overflow: OverflowMarker[];
}

export interface PackOptions {
  /** Rows a lane may take, the markers' row included. */
  maxRows: number;
  /** The plot's width, px: a marker is kept inside it. */
  plotWidth: number;
  /** A marker's width for its "+N", px. */
  markerWidth(items: number): number;
  /** A bar that must be drawn (the selection): placed first, in the first row, when it would not fit. */
  keep?: number;
}

/** Space between two bars or markers of a row, px. */
export const ROW_GAP = 3;

/**
 * Places the bars (given in the order to pack them: by start, longer first) in the first row free for them.
 * When the rows run out, one row fewer holds bars and the last holds the markers of those left out.
 */
export function packLane(bars: readonly RowBar[], o: PackOptions): LanePacking {
  const all = Math.max(1, o.maxRows);
  let rows = firstFit(bars, all);
  if (rows.every((r) => r !== null)) return { rows, rowCount: rowsUsed(rows), overflow: [] };
  const barRows = Math.max(1, all - 1);
  rows = firstFit(bars, barRows);
  if (o.keep !== undefined && rows[o.keep] === null) rows = firstFit(bars, barRows, o.keep);
  const left = rows.flatMap((r, i) => (r === null ? [i] : []));
  const overflow: OverflowMarker[] = [];
  // A marker for one bar would hide no more than the bar itself: that bar is drawn in the markers' row.
  for (const marker of gather(bars, left, o))
    if (marker.members.length === 1) rows[marker.members[0]!] = barRows;
    else overflow.push(marker);
  return { rows, rowCount: barRows + 1, overflow };
}

const rowsUsed = (rows: readonly (number | null)[]) => Math.max(1, ...rows.map((r) => (r ?? 0) + 1));

function firstFit(bars: readonly RowBar[], rowLimit: number, keep?: number): (number | null)[] {
  const rows = new Array<number | null>(bars.length).fill(null);
  // How far right each row is taken so far; bars come in order of start, so the end is all a row needs.
  const ends: number[] = [];
  const kept = keep === undefined ? undefined : bars[keep];
  if (kept) rows[keep!] = 0;
  bars.forEach((b, i) => {
    if (i === keep) return;
    for (let r = 0; r < rowLimit; r++) {
      if ((ends[r] ?? -Infinity) + ROW_GAP > b.x0) continue;
      if (r === 0 && kept && kept.x0 < b.reach + ROW_GAP && b.x0 < kept.reach + ROW_GAP) continue;
      rows[i] = r;
      ends[r] = b.reach;
      return;
    }
  });
  return rows;
}

/** The bars left out, gathered into markers that neither overlap one another nor leave the plot. */
function gather(bars: readonly RowBar[], left: readonly number[], o: PackOptions): OverflowMarker[] {
  const order = [...left].sort((a, b) => bars[a]!.x0 - bars[b]!.x0 || a - b);
  const groups: { members: number[]; items: number; x0: number; x1: number }[] = [];
  const drawn = (g: (typeof groups)[number]) => {
    const width = Math.max(g.x1 - g.x0, o.markerWidth(g.items));
    // Inside the plot at its right edge; a marker moved left this way is the last, so it meets no later one.
    const x = Math.min(g.x0, o.plotWidth - width);
    return { x, width };
  };
  for (const i of order) {
    const b = bars[i]!;
    groups.push({ members: [i], items: b.items, x0: b.x0, x1: b.x1 });
    // A marker grown wider (or moved left) may now meet the one before it: they become one.
    while (groups.length > 1) {
      const a = groups[groups.length - 2]!;
      const z = groups[groups.length - 1]!;
      const da = drawn(a);
      if (da.x + da.width + ROW_GAP <= drawn(z).x) break;
      a.members.push(...z.members);
      a.items += z.items;
      a.x1 = Math.max(a.x1, z.x1);
      groups.pop();
    }
  }
  return groups.map((g) => ({ members: g.members, items: g.items, ...drawn(g) }));
}
