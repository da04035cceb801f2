/**
 * The model as a graphology `MultiDirectedGraph`: entities and quotes as nodes, relations and evidence as
 * edges, so "evidence edges pointing to quotes" is literal. Built on request (exports, graph tooling,
 * tests) from the columnar model, never on the load path: at 500k relations it is 1.6M edges.
 */
import { MultiDirectedGraph } from 'graphology';
import type { BundleQuote } from '../format/bundle';
import { claimsOf } from './claims';
import type { ResolvedDate } from './dates';
import type { Model } from './model';
import type { EntityRecord, RelationRecord } from '../format/schema';
import type { Status } from './vocabulary';

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
/** Joins a quote node to an entity it supports, through one relation, with how that quote presents it and who says so. */
export interface EvidenceEdgeAttributes {
  kind: 'evidence';
  relationId: string;
  quoteId: string;
  status: Status;
  assertedBy: string[];
  answers?: string;
}
export type EdgeAttributes = RelationEdgeAttributes | EvidenceEdgeAttributes;

export type ThreadlineGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Quote nodes share the graph with entities; the prefix keeps their keys apart. */
export const quoteKey = (quoteId: string): string => `quote:${quoteId}`;
export const evidenceKey = (relationId: string, quoteId: string, entityId: string): string =>
  `evidence:${relationId}:${quoteId}:${entityId}`;

/** The whole model, or only `relationIds` and their ends, as a graph; quotes only once evidence is loaded. */
export function toGraphology(model: Model, relationIds?: Iterable<string>): ThreadlineGraph {
  const graph: ThreadlineGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  const addEntity = (id: string) => {
    if (graph.hasNode(id)) return;
    const i = model.index.entity.get(id);
    const entity = model.entities.get(id);
    if (i === undefined || !entity) return;
    const date = model.entityDates.get(i);
    graph.addNode(id, { kind: 'entity', entity, ...(date ? { date } : {}) });
  };
  const ks = relationIds
    ? [...relationIds].flatMap((id) => {
        const k = model.index.relation.get(id);
        return k === undefined ? [] : [k];
      })
    : model.data.relations.id.map((_, k) => k);
  if (!relationIds) for (const e of model.entities.keys()) addEntity(e);
  for (const k of ks) {
    const relation = model.relationAt(k);
    const { id, source, target } = relation;
    addEntity(source);
    addEntity(target);
    const date = model.relationDates.get(k);
    graph.addDirectedEdgeWithKey(id, source, target, {
      kind: 'relation',
      relation,
      ...(date ? { date } : {}),
    });
    // Claims are there once the evidence is: exactly when the quotes are.
    for (const { quoteId, status, assertedBy, answers } of claimsOf(model, id)) {
      const quote = model.quotes.get(quoteId);
      if (!quote) continue;
      const from = quoteKey(quoteId);
      if (!graph.hasNode(from)) graph.addNode(from, { kind: 'quote', quote });
      const evidence: EvidenceEdgeAttributes = {
        kind: 'evidence',
        relationId: id,
        quoteId,
        status,
        assertedBy,
        ...(answers !== undefined ? { answers } : {}),
      };
      graph.addDirectedEdgeWithKey(evidenceKey(id, quoteId, source), from, source, evidence);
      if (target !== source)
        graph.addDirectedEdgeWithKey(evidenceKey(id, quoteId, target), from, target, evidence);
    }
  }
  return graph;
}
