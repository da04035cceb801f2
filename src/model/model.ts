/**
 * The in-memory model the app reads: columnar data (model-data.ts) with id lookups, relation adjacency as
 * flat integer arrays, resolved dates, and record views built on demand. graphology graphs are built from
 * it where a graph library earns its place: the drawn subgraph, analysis, exports (graphology-model.ts).
 */
import type { BundleQuote, BundleSource } from './bundle';
import { axisSpan } from './analysis/timeline';
import { buildAdjacency, type Adjacency } from './compact/adjacency';
import { resolveDate, type ResolvedDate } from './dates';
import type { DatasetInfo, ModelData } from './model-data';
import { recordMap, type RecordMap } from './record-map';
import type { DateSpec, EntityRecord, RelationRecord, RelationType } from './schema';
import { STATUSES, type Status } from './vocabulary';

export interface DateOverview {
  /** How many entities and relations carry a date. */
  count: number;
  /** The earliest and latest points on the year axis (fractional years); ±Infinity when nothing is dated. */
  min: number;
  max: number;
  /** Dated items by the whole year they start in (or end in, for an open start). */
  perYear: Map<number, number>;
}

export interface ModelIndex {
  entity: Map<string, number>;
  relation: Map<string, number>;
  source: Map<string, number>;
  /** Quote ids are looked up only once evidence is read; built then. */
  quote(): Map<string, number>;
}

export interface Model {
  dataset: DatasetInfo;
  relationTypes: ReadonlyMap<string, RelationType>;
  entities: ReadonlyMap<string, EntityRecord>;
  relations: RecordMap<RelationRecord>;
  /** Empty of records (ids known, `get` undefined) until the evidence is loaded. */
  quotes: RecordMap<BundleQuote>;
  sources: RecordMap<BundleSource>;
  /** Relations touching each entity (a self-loop once): the unfiltered importance. */
  relationCounts: RecordMap<number>;
  /** The dated entities and relations at a glance: the timeline's overview. */
  dates: DateOverview;
  data: ModelData;
  index: ModelIndex;
  /** Each relation under both of its ends (a self-loop once), by entity index. */
  adjacency: Adjacency;
  entityDates: ReadonlyMap<number, ResolvedDate>;
  relationDates: ReadonlyMap<number, ResolvedDate>;
  /** The relation at an index of the columns, as a record. */
  relationAt(k: number): RelationRecord;
}

const dateOf = (spec: DateSpec | undefined): ResolvedDate | undefined => {
  if (spec === undefined) return undefined;
  const r = resolveDate(spec);
  return 'error' in r ? undefined : r;
};

function gatherDates(data: ModelData) {
  const dates: DateOverview = { count: 0, min: Infinity, max: -Infinity, perYear: new Map() };
  const note = (date: ResolvedDate) => {
    const { start, end } = axisSpan(date);
    dates.count++;
    for (const v of [start, end])
      if (v !== null) {
        dates.min = Math.min(dates.min, v);
        dates.max = Math.max(dates.max, v);
      }
    const year = Math.floor(start ?? end ?? 0);
    dates.perYear.set(year, (dates.perYear.get(year) ?? 0) + 1);
  };
  const entityDates = new Map<number, ResolvedDate>();
  data.entities.forEach((e, i) => {
    const d = dateOf(e.date);
    if (d) entityDates.set(i, d);
  });
  const relationDates = new Map<number, ResolvedDate>();
  for (const [k, spec] of data.relations.date) {
    const d = dateOf(spec);
    if (d) relationDates.set(k, d);
  }
  // Entities first, then relations, each in index order: the order the overview has always counted in.
  for (const d of entityDates.values()) note(d);
  for (const k of [...relationDates.keys()].sort((a, b) => a - b)) note(relationDates.get(k)!);
  return { dates, entityDates, relationDates };
}

const indexOf = (ids: readonly string[]) => {
  const m = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i]!, i);
  return m;
};

/** Parts of the index a builder may already hold, so they are not built twice. */
export type KnownIndex = Partial<Pick<ModelIndex, 'entity' | 'relation'>>;

/** Expects validated data: every index in range, every quote inside its source. */
export function modelFrom(data: ModelData, known: KnownIndex = {}): Model {
  const { entities, relations: r, relationTypes } = data;
  const entityIds = entities.map((e) => e.id);
  let quoteIndex: Map<string, number> | null = null;
  const index: ModelIndex = {
    entity: known.entity ?? indexOf(entityIds),
    relation: known.relation ?? indexOf(r.id),
    source: indexOf(data.sources.map((s) => s.id)),
    quote: () => (quoteIndex ??= indexOf(data.quoteIds)),
  };
  const adjacency = buildAdjacency(entities.length, r.source, r.target);
  const { dates, entityDates, relationDates } = gatherDates(data);

  const relationAt = (k: number): RelationRecord => {
    const date = r.date.get(k);
    const note = r.note.get(k);
    const evidence: string[] = [];
    for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++)
      evidence.push(data.quoteIds[r.evidence[j]!]!);
    return {
      id: r.id[k]!,
      source: entityIds[r.source[k]!]!,
      target: entityIds[r.target[k]!]!,
      type: relationTypes[r.type[k]!]!.id,
      status: STATUSES[r.status[k]!] as Status,
      ...(date !== undefined ? { date } : {}),
      ...(note !== undefined ? { note } : {}),
      evidence,
    };
  };
  const quoteAt = (q: number): BundleQuote | undefined => {
    const ev = data.evidence;
    if (!ev) return undefined;
    const c = ev.quotes;
    const start = c.start[q]!;
    const end = c.end[q]!;
    const speaker = c.speaker[q]!;
    const occasion = c.occasion[q]!;
    const prefix = c.prefix.get(q);
    const suffix = c.suffix.get(q);
    // The quote's text is not stored apart from its source: a slice cannot differ from the source.
    return {
      id: data.quoteIds[q]!,
      sourceId: data.sources[c.source[q]!]!.id,
      exact: ev.texts[c.source[q]!]!.slice(start, end),
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      start,
      end,
      ...(speaker >= 0 ? { speaker: entityIds[speaker]! } : {}),
      ...(occasion >= 0 ? { occasion: entityIds[occasion]! } : {}),
    };
  };
  const sourceAt = (i: number): BundleSource | undefined => {
    const text = data.evidence?.texts[i];
    return text === undefined ? undefined : { ...data.sources[i]!, text };
  };
  const { offsets } = adjacency;
  return {
    dataset: data.dataset,
    relationTypes: new Map(relationTypes.map((t) => [t.id, t])),
    entities: new Map(entities.map((e) => [e.id, e])),
    relations: recordMap(r.id, (id) => index.relation.get(id), relationAt),
    quotes: recordMap(data.quoteIds, (id) => index.quote().get(id), quoteAt),
    sources: recordMap(
      data.sources.map((s) => s.id),
      (id) => index.source.get(id),
      sourceAt,
    ),
    relationCounts: recordMap(
      entityIds,
      (id) => index.entity.get(id),
      (i) => offsets[i + 1]! - offsets[i]!,
    ),
    dates,
    data,
    index,
    adjacency,
    entityDates,
    relationDates,
    relationAt,
  };
}

/**
 * Visits the relations touching an entity, as column indices with the entity index at the other end, until
 * `visit` returns true; says whether it did. Allocates nothing, so hot loops over hubs stay cheap.
 */
export function someRelationOf(
  model: Model,
  entityId: string,
  visit: (k: number, other: number) => boolean | void,
): boolean {
  const i = model.index.entity.get(entityId);
  if (i === undefined) return false;
  const { offsets, neighbours, relationOf } = model.adjacency;
  for (let s = offsets[i]!; s < offsets[i + 1]!; s++)
    if (visit(relationOf[s]!, neighbours[s]!) === true) return true;
  return false;
}

/** Visits the relations between two entities, either way round, from the end with fewer relations. */
export function someRelationBetween(
  model: Model,
  a: string,
  b: string,
  visit: (k: number) => boolean | void,
): boolean {
  const i = model.index.entity.get(a);
  const j = model.index.entity.get(b);
  if (i === undefined || j === undefined) return false;
  const { offsets, neighbours, relationOf } = model.adjacency;
  const [from, to] = offsets[i + 1]! - offsets[i]! <= offsets[j + 1]! - offsets[j]! ? [i, j] : [j, i];
  for (let s = offsets[from]!; s < offsets[from + 1]!; s++)
    if (neighbours[s] === to && visit(relationOf[s]!) === true) return true;
  return false;
}

/** What the filters read of a relation, straight from the columns: no record is built. */
export interface RelationFacets {
  type: string;
  status: Status;
}
export const relationFacetsAt = (model: Model, k: number): RelationFacets => ({
  type: model.data.relationTypes[model.data.relations.type[k]!]!.id,
  status: STATUSES[model.data.relations.status[k]!] as Status,
});
