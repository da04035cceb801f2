/** Builds the in-memory graphology model from a bundle: entities and quotes as nodes, relations and evidence as edges. */
import { MultiDirectedGraph } from 'graphology';
import type { Bundle, BundleQuote, BundleSource } from './bundle';
import { axisSpan } from './analysis/timeline';
import { resolveDate, type ResolvedDate } from './dates';
import type { EntityRecord, RelationRecord, RelationType } from './schema';

export interface EntityNodeAttributes {
  kind: 'entity';
  entity: EntityRecord;
  date?: ResolvedDate;
}
export interface QuoteNodeAttributes {
  kind: 'quote';
  quote: BundleQuote;
}
export type NodeAttributes = EntityNodeAttributes | QuoteNodeAttributes;

export interface RelationEdgeAttributes {
  kind: 'relation';
  relation: RelationRecord;
  date?: ResolvedDate;
}
/** Joins a quote node to an entity it supports, through one relation. */
export interface EvidenceEdgeAttributes {
  kind: 'evidence';
  relationId: string;
  quoteId: string;
}
export type EdgeAttributes = RelationEdgeAttributes | EvidenceEdgeAttributes;

export type ThreadlineGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Quote nodes share the graph with entities; the prefix keeps their keys apart. */
export const quoteKey = (quoteId: string): string => `quote:${quoteId}`;
export const evidenceKey = (relationId: string, quoteId: string, entityId: string): string =>
  `evidence:${relationId}:${quoteId}:${entityId}`;

export interface Model {
  bundle: Bundle;
  graph: ThreadlineGraph;
  entities: Map<string, EntityRecord>;
  relations: Map<string, RelationRecord>;
  quotes: Map<string, BundleQuote>;
  sources: Map<string, BundleSource>;
  relationTypes: Map<string, RelationType>;
  /** Relations touching each entity (a self-loop once), counted while building: the unfiltered importance. */
  relationCounts: Map<string, number>;
  /** The dated entities and relations at a glance, gathered while building: the timeline's overview. */
  dates: DateOverview;
}

export interface DateOverview {
  /** How many entities and relations carry a date. */
  count: number;
  /** The earliest and latest points on the year axis (fractional years); ±Infinity when nothing is dated. */
  min: number;
  max: number;
  /** Dated items by the whole year they start in (or end in, for an open start). */
  perYear: Map<number, number>;
}

const dateOf = (spec: Parameters<typeof resolveDate>[0] | undefined): ResolvedDate | undefined => {
  if (spec === undefined) return undefined;
  const r = resolveDate(spec);
  return 'error' in r ? undefined : r;
};

/** Everything in a bundle but its four record lists, which arrive in slices. */
export type BundleHead = Omit<Bundle, 'sources' | 'entities' | 'relations' | 'quotes'>;

/** Part of a bundle's records; entities and quotes must be added before the relations that name them. */
export type BundleSlice =
  | { kind: 'sources'; records: BundleSource[] }
  | { kind: 'entities'; records: EntityRecord[] }
  | { kind: 'quotes'; records: BundleQuote[] }
  | { kind: 'relations'; records: RelationRecord[] };

/** Builds the model a slice at a time, so a large bundle can be added between other work (yielding to the UI). */
export interface ModelBuilder {
  add(slice: BundleSlice): void;
  /** The model of everything added; the builder is not to be used afterwards. */
  finish(): Model;
}

/** Expects validated records; the validator has already rejected dangling ids. */
export function createModelBuilder(head: BundleHead): ModelBuilder {
  const bundle: Bundle = { ...head, sources: [], entities: [], relations: [], quotes: [] };
  const graph: ThreadlineGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  const model: Model = {
    bundle,
    graph,
    entities: new Map(),
    relations: new Map(),
    quotes: new Map(),
    sources: new Map(),
    relationTypes: new Map(head.relationTypes.map((t) => [t.id, t])),
    relationCounts: new Map(),
    dates: { count: 0, min: Infinity, max: -Infinity, perYear: new Map() },
  };
  const noteDate = (date: ResolvedDate) => {
    const { start, end } = axisSpan(date);
    const o = model.dates;
    o.count++;
    for (const v of [start, end])
      if (v !== null) {
        o.min = Math.min(o.min, v);
        o.max = Math.max(o.max, v);
      }
    const year = Math.floor(start ?? end ?? 0);
    o.perYear.set(year, (o.perYear.get(year) ?? 0) + 1);
  };
  const count = (entityId: string) =>
    model.relationCounts.set(entityId, (model.relationCounts.get(entityId) ?? 0) + 1);

  const addEntity = (entity: EntityRecord) => {
    const attributes: EntityNodeAttributes = { kind: 'entity', entity };
    const date = dateOf(entity.date);
    if (date) {
      attributes.date = date;
      noteDate(date);
    }
    graph.addNode(entity.id, attributes);
    bundle.entities.push(entity);
    model.entities.set(entity.id, entity);
  };
  const addQuote = (quote: BundleQuote) => {
    graph.addNode(quoteKey(quote.id), { kind: 'quote', quote });
    bundle.quotes.push(quote);
    model.quotes.set(quote.id, quote);
  };
  const addRelation = (relation: RelationRecord) => {
    // The record is kept by reference, never copied: at 500k relations every extra object counts.
    const attributes: RelationEdgeAttributes = { kind: 'relation', relation };
    const date = dateOf(relation.date);
    if (date) {
      attributes.date = date;
      noteDate(date);
    }
    const { id, source, target } = relation;
    graph.addDirectedEdgeWithKey(id, source, target, attributes);
    for (const quoteId of relation.evidence) {
      // Both evidence edges of a quote and relation carry the same (never mutated) attributes object:
      // evidence edges outnumber everything else in the graph.
      const evidence: EvidenceEdgeAttributes = { kind: 'evidence', relationId: id, quoteId };
      const from = quoteKey(quoteId);
      graph.addDirectedEdgeWithKey(evidenceKey(id, quoteId, source), from, source, evidence);
      if (target !== source)
        graph.addDirectedEdgeWithKey(evidenceKey(id, quoteId, target), from, target, evidence);
    }
    count(source);
    if (target !== source) count(target);
    bundle.relations.push(relation);
    model.relations.set(id, relation);
  };

  return {
    add(slice) {
      switch (slice.kind) {
        case 'sources':
          for (const source of slice.records) {
            bundle.sources.push(source);
            model.sources.set(source.id, source);
          }
          return;
        case 'entities':
          return slice.records.forEach(addEntity);
        case 'quotes':
          return slice.records.forEach(addQuote);
        case 'relations':
          return slice.records.forEach(addRelation);
      }
    },
    finish: () => model,
  };
}

/** Expects a validated bundle; the validator has already rejected dangling ids. */
export function buildModel(bundle: Bundle): Model {
  const { sources, entities, quotes, relations, ...head } = bundle;
  const builder = createModelBuilder(head);
  builder.add({ kind: 'sources', records: sources });
  builder.add({ kind: 'entities', records: entities });
  builder.add({ kind: 'quotes', records: quotes });
  builder.add({ kind: 'relations', records: relations });
  return builder.finish();
}
