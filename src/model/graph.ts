/** Builds the in-memory graphology model from a bundle: entities and quotes as nodes, relations and evidence as edges. */
import { MultiDirectedGraph } from 'graphology';
import type { Bundle, BundleQuote, BundleSource } from './bundle';
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
}

const dateOf = (spec: Parameters<typeof resolveDate>[0] | undefined): ResolvedDate | undefined => {
  if (spec === undefined) return undefined;
  const r = resolveDate(spec);
  return 'error' in r ? undefined : r;
};

/** Expects a validated bundle; the validator has already rejected dangling ids. */
export function buildModel(bundle: Bundle): Model {
  const graph: ThreadlineGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const entity of bundle.entities) {
    const date = dateOf(entity.date);
    graph.addNode(entity.id, { kind: 'entity', entity, ...(date ? { date } : {}) });
  }
  for (const quote of bundle.quotes) graph.addNode(quoteKey(quote.id), { kind: 'quote', quote });
  for (const relation of bundle.relations) {
    const date = dateOf(relation.date);
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
      kind: 'relation',
      relation,
      ...(date ? { date } : {}),
    });
    for (const quoteId of relation.evidence) {
      for (const entityId of new Set([relation.source, relation.target])) {
        graph.addDirectedEdgeWithKey(
          evidenceKey(relation.id, quoteId, entityId),
          quoteKey(quoteId),
          entityId,
          {
            kind: 'evidence',
            relationId: relation.id,
            quoteId,
          },
        );
      }
    }
  }
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  return {
    bundle,
    graph,
    entities: byId(bundle.entities),
    relations: byId(bundle.relations),
    quotes: byId(bundle.quotes),
    sources: byId(bundle.sources),
    relationTypes: byId(bundle.relationTypes),
  };
}
