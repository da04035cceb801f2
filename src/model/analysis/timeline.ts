/** Dated entities and relations placed on a year axis; spans keep each date's real extent (a year covers the whole year). */
import { axisSpan, yearValue, yearValueAfter } from '../core/date-axis';
import type { ResolvedDate } from '../core/dates';
import type { Model } from '../core/model';
import type { RelationRecord } from '../format/schema';
import type { Subgraph } from '../core/subgraph';
import { relationSentence } from '../core/queries';
import { baseTypeOf } from '../core/entity-types';

export interface TimelineItem {
  kind: 'entity' | 'relation';
  id: string;
  label: string;
  date: ResolvedDate;
  /** Fractional years; null for an open end ("until 2016", "1990s onwards"). */
  start: number | null;
  end: number | null;
  /** The entity a relation's sentence is about (its source); null for an entity. */
  subject: string | null;
}

export interface TimelineData {
  items: TimelineItem[];
  /** Whole years, widened to multiples of five; null when nothing is dated. */
  domain: { start: number; end: number } | null;
}

function place(
  kind: TimelineItem['kind'],
  id: string,
  label: string,
  date: ResolvedDate,
  subject: string | null = null,
): TimelineItem {
  return { kind, id, label, date, ...axisSpan(date), subject };
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
    if (!date) return;
    const record = relation ?? model.relationAt(k);
    items.push(
      place('relation', model.data.relations.id[k]!, relationSentence(model, record), date, record.source),
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

/**
 * What the timeline cannot place: relations without a date, and events (by base type) without one, in the
 * whole dataset or in `only`. People and organisations are not counted: they are not things that happen.
 */
export function undatedCount(model: Model, only?: Subgraph): { relations: number; events: number } {
  const isEvent = (type: string) => baseTypeOf(model, type) === 'event';
  let relations = 0;
  let events = 0;
  if (only) {
    for (const r of only.relations) {
      const k = model.index.relation.get(r.id);
      if (k === undefined || !model.relationDates.get(k)) relations++;
    }
    for (const id of only.entityIds) {
      const i = model.index.entity.get(id);
      const e = i === undefined ? undefined : model.data.entities[i];
      if (e && isEvent(e.type) && !model.entityDates.get(i!)) events++;
    }
    return { relations, events };
  }
  relations = model.data.relations.id.length - model.relationDates.keys().length;
  model.data.entities.forEach((e, i) => {
    if (isEvent(e.type) && !model.entityDates.get(i)) events++;
  });
  return { relations, events };
}
