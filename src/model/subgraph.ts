/** Derives what is drawn from what is explored: the visible entities that pass the filters and the relations among them. */
import type { Filters } from './filters';
import { entityPasses, relationPasses } from './filters';
import type { EdgeAttributes, Model } from './graph';
import type { RelationRecord } from './schema';

export interface Subgraph {
  entityIds: string[];
  relations: RelationRecord[];
}

export function entityVisibleUnder(model: Model, filters: Filters, id: string): boolean {
  if (!model.graph.hasNode(id)) return false;
  const attrs = model.graph.getNodeAttributes(id);
  return attrs.kind === 'entity' && entityPasses(filters, attrs.entity, attrs.date);
}

export function relationVisibleUnder(
  model: Model,
  filters: Filters,
  attrs: EdgeAttributes,
): attrs is Extract<EdgeAttributes, { kind: 'relation' }> {
  return attrs.kind === 'relation' && relationPasses(filters, attrs.relation, attrs.date);
}

/** Past this many relations per drawn entity, an entity's drawn relations are looked up pair by pair. */
const PAIRWISE_FACTOR = 8;

/** Visible entities (in the order given) and every relation between two of them that passes the filters. */
export function subgraphOf(model: Model, visible: Iterable<string>, filters: Filters): Subgraph {
  const entityIds = [...visible].filter((id) => entityVisibleUnder(model, filters, id));
  const shown = new Set(entityIds);
  const relations: RelationRecord[] = [];
  const collect = (_key: string, attrs: EdgeAttributes, _s: string, target: string) => {
    if (shown.has(target) && relationVisibleUnder(model, filters, attrs)) relations.push(attrs.relation);
  };
  for (const id of entityIds) {
    // A hub of a large dataset has tens of thousands of relations and only a few drawn neighbours: asking
    // for the edges to each drawn entity is then far less work than walking all of its own.
    if ((model.relationCounts.get(id) ?? 0) > entityIds.length * PAIRWISE_FACTOR)
      for (const other of entityIds) model.graph.forEachOutEdge(id, other, collect);
    else model.graph.forEachOutEdge(id, collect);
  }
  return { entityIds, relations };
}

/** Relations of one entity that pass the filters and lead to an entity that passes them too. */
export function filteredRelationsOf(model: Model, filters: Filters, entityId: string): RelationRecord[] {
  if (!model.graph.hasNode(entityId)) return [];
  const out: RelationRecord[] = [];
  model.graph.forEachEdge(entityId, (_key, attrs, source, target) => {
    const other = source === entityId ? target : source;
    if (relationVisibleUnder(model, filters, attrs) && entityVisibleUnder(model, filters, other))
      out.push(attrs.relation);
  });
  return out;
}
