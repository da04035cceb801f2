/** Dated entities and relations placed on a year axis; spans keep each date's real extent (a year covers the whole year). */
import type { ResolvedDate } from '../dates';
import type { Model } from '../model';
import type { RelationRecord } from '../schema';
import type { Subgraph } from '../subgraph';
import { relationSentence } from '../queries';

export interface TimelineItem {
  kind: 'entity' | 'relation';
  id: string;
  label: string;
  date: ResolvedDate;
  /** Fractional years; null for an open end ("until 2016", "1990s onwards"). */
  start: number | null;
  end: number | null;
}

export interface TimelineData {
  items: TimelineItem[];
  /** Whole years, widened to multiples of five; null when nothing is dated. */
  domain: { start: number; end: number } | null;
}

/** An open start resolves to year 1; it marks "no known beginning", not a date. */
const OPEN_START = '0001-01-01';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
};

const utc = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
};

/**
 * Day → fractional year, remembered: a large dataset has hundreds of thousands of dated items over a few
 * thousand distinct days, and the Date arithmetic per item was over a second of the timeline's first render.
 */
function remembered(compute: (iso: string) => number): (iso: string) => number {
  const known = new Map<string, number>();
  return (iso) => {
    let v = known.get(iso);
    if (v === undefined) {
      // Bounded: a hostile or odd dataset with every day distinct must not grow it without end.
      if (known.size >= 200_000) known.clear();
      v = compute(iso);
      known.set(iso, v);
    }
    return v;
  };
}

/** The instant an ISO day begins, as a fractional year. */
export const yearValue = remembered((iso) => {
  const { y, m, d } = day(iso);
  return y + (utc(y, m, d) - utc(y, 1, 1)) / (utc(y + 1, 1, 1) - utc(y, 1, 1));
});

/** The instant an ISO day ends (the next day begins), as a fractional year. */
export const yearValueAfter = remembered((iso) => {
  const { y, m, d } = day(iso);
  const next = new Date(utc(y, m, d) + 86_400_000).toISOString().slice(0, 10);
  return y === 9999 ? 10000 : yearValue(next);
});

/** A date's span on the year axis; null for an open end. */
export function axisSpan(date: ResolvedDate): { start: number | null; end: number | null } {
  return {
    start: date.start === OPEN_START ? null : yearValue(date.start),
    end: date.end === undefined ? null : yearValueAfter(date.end),
  };
}

function place(kind: TimelineItem['kind'], id: string, label: string, date: ResolvedDate): TimelineItem {
  return { kind, id, label, date, ...axisSpan(date) };
}

/** Whole years around the dates, widened to multiples of five; null when nothing is dated. */
export function axisDomain(min: number, max: number): { start: number; end: number } | null {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return null;
  const start = Math.floor(min / 5) * 5;
  return { start, end: Math.max(start + 5, Math.ceil(max / 5) * 5) };
}

/**
 * The dated entities and relations on the axis: every one in the dataset, or only those of `only` (the
 * drawn subgraph) on the whole dataset's axis, so the axis does not jump as the view changes.
 */
export function timelineData(model: Model, only?: Subgraph): TimelineData {
  const items: TimelineItem[] = [];
  const addEntity = (i: number) => {
    const date = model.entityDates.get(i);
    const entity = model.data.entities[i];
    if (date && entity) items.push(place('entity', entity.id, entity.name, date));
  };
  const addRelation = (k: number, relation?: RelationRecord) => {
    const date = model.relationDates.get(k);
    if (date)
      items.push(
        place(
          'relation',
          model.data.relations.id[k]!,
          relationSentence(model, relation ?? model.relationAt(k)),
          date,
        ),
      );
  };
  if (only) {
    for (const id of only.entityIds) {
      const i = model.index.entity.get(id);
      if (i !== undefined) addEntity(i);
    }
    for (const r of only.relations) {
      const k = model.index.relation.get(r.id);
      if (k !== undefined) addRelation(k, r);
    }
  } else {
    for (const i of [...model.entityDates.keys()].sort((a, b) => a - b)) addEntity(i);
    for (const k of [...model.relationDates.keys()].sort((a, b) => a - b)) addRelation(k);
  }
  // The extent was gathered while the model was built, over every dated item.
  return { items, domain: axisDomain(model.dates.min, model.dates.max) };
}

/** A brushed span of the axis as the filter's inclusive ISO day range, widened to whole years. */
export function brushToTimeRange(a: number, b: number): { from: string; to: string } {
  const lo = Math.floor(Math.min(a, b));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(a, b)));
  const iso = (y: number) => String(y).padStart(4, '0');
  return { from: `${iso(lo)}-01-01`, to: `${iso(hi - 1)}-12-31` };
}

/** The filter's day range back on the axis. */
export const timeRangeSpan = (range: { from: string; to: string }): { start: number; end: number } => ({
  start: yearValue(range.from),
  end: yearValueAfter(range.to),
});
