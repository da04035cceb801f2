/**
 * The in-memory model the app reads: columnar data (model-data.ts) with id lookups, relation adjacency as
 * flat integer arrays, resolved dates, and record views built on demand. graphology graphs are built from
 * it where a graph library earns its place: the drawn subgraph, analysis, exports (graphology-model.ts).
 */
import type { BundleQuote } from '../format/bundle';
import { heldSlice, type ModelSource } from './held-text';
import { buildAdjacency, slotsBetween, type Adjacency } from './adjacency';
import { resolveDate, type ResolvedDate } from './dates';
import { DateTally, type DateOverview } from './date-overview';
import { entityTypeMap, type EntityTypeInfo } from './entity-types';
import { IdIndex } from './id-index';
import { SAME_STATUS, type DatasetInfo, type EvidenceData, type ModelData } from './model-data';
import { recentlyBuilt, recordMap, type RecordMap } from './record-map';
import type { CompiledClaim, DateSpec, EntityRecord, RelationRecord, RelationType } from '../format/schema';
import { STATUSES, type Status } from './vocabulary';

/** Id to column index. */
export interface IdLookup {
  get(id: string): number | undefined;
  readonly size: number;
}

export interface ModelIndex {
  entity: IdLookup;
  relation: IdLookup;
  source: IdLookup;
  /** Quote ids are looked up only once evidence is read; built then when not given. */
  quote(): IdLookup;
}

/** Dates resolved on first use: a large dataset has hundreds of thousands, most never looked at. */
export interface DateColumn {
  get(i: number): ResolvedDate | undefined;
  /** Indices that carry a date, ascending. */
  keys(): number[];
}

export interface Model {
  dataset: DatasetInfo;
  relationTypes: ReadonlyMap<string, RelationType>;
  /** Every entity type the dataset may use: the base types (each its own base) and its declared ones. */
  entityTypes: ReadonlyMap<string, EntityTypeInfo>;
  entities: ReadonlyMap<string, EntityRecord>;
  relations: RecordMap<RelationRecord>;
  /** Empty of records (ids known, `get` undefined) until the evidence is loaded. */
  quotes: RecordMap<BundleQuote>;
  /** A source held in part has `held` and an empty `text` (held-text.ts). */
  sources: RecordMap<ModelSource>;
  /** Relations touching each entity (a self-loop once): the unfiltered importance. */
  relationCounts: RecordMap<number>;
  /** The dated entities and relations at a glance: the timeline's overview. */
  dates: DateOverview;
  data: ModelData;
  index: ModelIndex;
  /** Each relation under both of its ends (a self-loop once), by entity index. */
  adjacency: Adjacency;
  entityDates: DateColumn;
  relationDates: DateColumn;
  /** The relation at an index of the columns, as a record. */
  relationAt(k: number): RelationRecord;
}

const dateOf = (spec: DateSpec | undefined): ResolvedDate | undefined => {
  if (spec === undefined) return undefined;
  const r = resolveDate(spec);
  return 'error' in r ? undefined : r;
};

function dateColumn(specs: ReadonlyMap<number, DateSpec>): DateColumn {
  const cache = new Map<number, ResolvedDate | null>();
  const get = (i: number) => {
    let d = cache.get(i);
    if (d === undefined) {
      d = dateOf(specs.get(i)) ?? null;
      cache.set(i, d);
    }
    return d ?? undefined;
  };
  return { get, keys: () => [...specs.keys()].filter((i) => get(i) !== undefined).sort((a, b) => a - b) };
}

/** The count, extent and per-year counts of every date: a pass over all of them, done once per dataset. */
function gatherDates(data: ModelData): DateOverview {
  const tally = new DateTally();
  for (const e of data.entities) if (e.date !== undefined) tally.add(e.date);
  for (const spec of data.relations.date.values()) tally.add(spec);
  return tally.overview;
}

/** Records kept built per kind, most recent first out: far more than a view shows, far fewer than 500k. */
const RECENT_RECORDS = 20_000;

/** What a builder or a worker may already have computed, so it is not computed again here. */
export interface Prebuilt {
  entityIndex?: IdLookup;
  relationIndex?: IdLookup;
  quoteIndex?: IdLookup;
  adjacency?: Adjacency;
  dates?: DateOverview;
}

/** Expects validated data: every index in range, every quote inside its source. */
export function modelFrom(data: ModelData, prebuilt: Prebuilt = {}): Model {
  const { entities, relations: r, relationTypes } = data;
  const entityIds = entities.map((e) => e.id);
  let quoteIndex = prebuilt.quoteIndex ?? null;
  const index: ModelIndex = {
    entity: prebuilt.entityIndex ?? IdIndex.of(entityIds),
    relation: prebuilt.relationIndex ?? IdIndex.of(r.id),
    source: IdIndex.of(data.sources.map((s) => s.id)),
    quote: () => (quoteIndex ??= IdIndex.of(data.quoteIds)),
  };
  const adjacency = prebuilt.adjacency ?? buildAdjacency(entities.length, r.source, r.target);
  const dates = prebuilt.dates ?? gatherDates(data);
  const entityDates = dateColumn(
    new Map(entities.flatMap((e, i) => (e.date === undefined ? [] : [[i, e.date] as const]))),
  );
  const relationDates = dateColumn(r.date);

  const buildRelation = (k: number): RelationRecord => {
    const date = r.date.get(k);
    const note = r.note.get(k);
    const evidence: string[] = [];
    for (let j = r.evidenceStart[k]!; j < r.evidenceStart[k + 1]!; j++)
      evidence.push(data.quoteIds[r.evidence[j]!]!);
    // Assigned field by field, in the bundle's order: spreads would allocate on a path hubs take thousands of times.
    const record = {
      id: r.id[k]!,
      source: entityIds[r.source[k]!]!,
      target: entityIds[r.target[k]!]!,
      type: relationTypes[r.type[k]!]!.id,
      status: STATUSES[r.status[k]!] as Status,
    } as RelationRecord;
    if (date !== undefined) record.date = date;
    const written = r.dateWritten.get(k);
    if (written !== undefined) record.dateWritten = written;
    record.evidence = evidence;
    const claims = claimSpecsAt(k);
    if (claims !== undefined) record.claims = claims;
    const answers = r.answers.get(k);
    if (answers !== undefined) record.answers = answers;
    if (note !== undefined) record.note = note;
    return record;
  };
  /** The claims as a bundle writes them, only when some quote says more than the relation's status. */
  const claimSpecsAt = (k: number): CompiledClaim[] | undefined => {
    const from = r.evidenceStart[k]!;
    const to = r.evidenceStart[k + 1]!;
    let plain = true;
    for (let j = from; j < to && plain; j++)
      plain = r.claimStatus[j] === SAME_STATUS && !r.claimAssertedBy.has(j) && !r.claimAnswers.has(j);
    if (plain) return undefined;
    const claims: CompiledClaim[] = [];
    for (let j = from; j < to; j++) {
      const s = r.claimStatus[j]!;
      const claim: CompiledClaim = {
        quote: data.quoteIds[r.evidence[j]!]!,
        status: STATUSES[s === SAME_STATUS ? r.status[k]! : s] as Status,
      };
      const by = r.claimAssertedBy.get(j);
      if (by !== undefined) claim.assertedBy = Array.from(by, (e) => entityIds[e]!);
      const answers = r.claimAnswers.get(j);
      if (answers !== undefined) claim.answers = answers;
      claims.push(claim);
    }
    return claims;
  };
  const buildQuote = (q: number): BundleQuote | undefined => {
    const ev = data.evidence;
    if (!ev) return undefined;
    const c = ev.quotes;
    const start = c.start[q]!;
    const end = c.end[q]!;
    const speaker = c.speaker[q]!;
    const joint = c.speakers.get(q);
    const occasion = c.occasion[q]!;
    const prefix = c.prefix.get(q);
    const suffix = c.suffix.get(q);
    // The quote's text is not stored apart from its source: a slice cannot differ from the source. A source
    // held in part holds every quote it is cited by (the builder checks each as it arrives).
    const s = c.source[q]!;
    const held = ev.partial?.get(s);
    return {
      id: data.quoteIds[q]!,
      sourceId: data.sources[s]!.id,
      exact: held ? (heldSlice(held, start, end) ?? '') : ev.texts[s]!.slice(start, end),
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      start,
      end,
      ...(speaker >= 0 ? { speaker: entityIds[speaker]! } : {}),
      speakers: joint ? Array.from(joint, (e) => entityIds[e]!) : speaker >= 0 ? [entityIds[speaker]!] : [],
      ...(occasion >= 0 ? { occasion: entityIds[occasion]! } : {}),
    };
  };
  const buildSource = (i: number): ModelSource | undefined => {
    const text = data.evidence?.texts[i];
    const held = data.evidence?.partial?.get(i);
    if (text === undefined) return undefined;
    return held ? { ...data.sources[i]!, text: '', held } : { ...data.sources[i]!, text };
  };
  // Records stay the same objects while they are in use; a view holds thousands at most.
  const relationAt = recentlyBuilt(buildRelation, RECENT_RECORDS) as (k: number) => RelationRecord;
  const quoteAt = recentlyBuilt(buildQuote, RECENT_RECORDS);
  const sourceAt = recentlyBuilt(buildSource, RECENT_RECORDS);
  const { offsets } = adjacency;
  return {
    dataset: data.dataset,
    relationTypes: new Map(relationTypes.map((t) => [t.id, t])),
    entityTypes: entityTypeMap(data.entityTypes),
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

/** Visits the relations between two entities, either way round, in relation order. */
export function someRelationBetween(
  model: Model,
  a: string,
  b: string,
  visit: (k: number) => boolean | void,
): boolean {
  const i = model.index.entity.get(a);
  const j = model.index.entity.get(b);
  if (i === undefined || j === undefined) return false;
  const [from, to] = slotsBetween(model.adjacency, i, j);
  const { relationOf } = model.adjacency;
  for (let s = from; s < to; s++) if (visit(relationOf[s]!) === true) return true;
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

/**
 * Puts the evidence of a model that was loaded without it into that model. The one change a model takes
 * after it is built: the record views read the evidence when asked, and nothing derived from entities and
 * relations (the drawn subgraph, the timeline, the analysis) has to be computed again. The store says it
 * happened (`evidenceVersion`) for the views that show quotes.
 */
export function receiveEvidence(model: Model, evidence: EvidenceData): void {
  model.data.evidence = evidence;
}
