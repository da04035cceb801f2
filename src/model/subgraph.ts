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

/** Visible entities (in the order given) and every relation between two of them that passes the filters. */
export function subgraphOf(model: Model, visible: Iterable<string>, filters: Filters): Subgraph {
  const entityIds = [...visible].filter((id) => entityVisibleUnder(model, filters, id));
  const shown = new Set(entityIds);
  const relations: RelationRecord[] = [];
  for (const id of entityIds) {
    model.graph.forEachOutEdge(id, (_key, attrs, _s, target) => {
      if (shown.has(target) && relationVisibleUnder(model, filters, attrs)) relations.push(attrs.relation);
    });
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
