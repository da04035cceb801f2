/** Derives what is drawn from what is explored: the visible entities that pass the filters and the relations among them. */
import type { Filters } from './filters';
import { entityPasses, isFiltering, relationPasses } from './filters';
import { relationFacetsAt, someRelationBetween, someRelationOf, type Model } from './model';
import type { RelationRecord } from '../format/schema';

export interface Subgraph {
  entityIds: string[];
  relations: RelationRecord[];
}

export function entityVisibleUnder(model: Model, filters: Filters, id: string): boolean {
  const i = model.index.entity.get(id);
  return (
    i !== undefined &&
    entityPasses(filters, model.data.entities[i]!, model.entityDates.get(i), model.entityTypes)
  );
}

/** Whether the relation at column index `k` passes the filters (its ends are not looked at). */
export function relationIndexVisibleUnder(model: Model, filters: Filters, k: number): boolean {
  return relationPasses(filters, relationFacetsAt(model, k), model.relationDates.get(k));
}

export function relationVisibleUnder(model: Model, filters: Filters, relationId: string): boolean {
  const k = model.index.relation.get(relationId);
  return k !== undefined && relationIndexVisibleUnder(model, filters, k);
}

/** Past this many relations per drawn entity, an entity's drawn relations are looked up pair by pair. */
const PAIRWISE_FACTOR = 8;

/** Visible entities (in the order given) and every relation between two of them that passes the filters. */
export function subgraphOf(model: Model, visible: Iterable<string>, filters: Filters): Subgraph {
  const entityIds = [...visible].filter((id) => entityVisibleUnder(model, filters, id));
  const shown = new Set(entityIds.map((id) => model.index.entity.get(id)!));
  const found = new Set<number>();
  const { source, target } = model.data.relations;
  const collect = (k: number) => {
    if (shown.has(source[k]!) && shown.has(target[k]!) && relationIndexVisibleUnder(model, filters, k))
      found.add(k);
  };
  for (const id of entityIds) {
    // A hub of a large dataset has tens of thousands of relations and only a few drawn neighbours: asking
    // for the relations to each drawn entity is then far less work than walking all of its own.
    if ((model.relationCounts.get(id) ?? 0) > entityIds.length * PAIRWISE_FACTOR)
      for (const other of entityIds) someRelationBetween(model, id, other, collect);
    else someRelationOf(model, id, collect);
  }
  // In bundle order, each relation once (it is met from both of its ends).
  const relations = [...found].sort((a, b) => a - b).map((k) => model.relationAt(k));
  return { entityIds, relations };
}

/**
 * Visits the relations of one entity that pass the filters and lead to an entity that passes them too,
 * as column indices with the other end's row, until `visit` returns true. Builds no records.
 */
export function someFilteredRelationOf(
  model: Model,
  filters: Filters,
  entityId: string,
  visit: (k: number, other: number) => boolean | void,
): boolean {
  const { entities } = model.data;
  return someRelationOf(
    model,
    entityId,
    (k, other) =>
      relationIndexVisibleUnder(model, filters, k) &&
      entityPasses(filters, entities[other]!, model.entityDates.get(other), model.entityTypes) &&
      visit(k, other) === true,
  );
}

/** How many relations of an entity pass the filters (with their other end): its importance. */
export function filteredDegree(model: Model, filters: Filters, entityId: string): number {
  if (!isFiltering(filters)) return model.relationCounts.get(entityId) ?? 0;
  let n = 0;
  someFilteredRelationOf(model, filters, entityId, () => {
    n++;
  });
  return n;
}

/** Relations of one entity that pass the filters and lead to an entity that passes them too. */
export function filteredRelationsOf(model: Model, filters: Filters, entityId: string): RelationRecord[] {
  const ks: number[] = [];
  const { entities } = model.data;
  someRelationOf(model, entityId, (k, other) => {
    if (
      relationIndexVisibleUnder(model, filters, k) &&
      entityPasses(filters, entities[other]!, model.entityDates.get(other), model.entityTypes)
    )
      ks.push(k);
  });
  // In the dataset's order; the adjacency keeps them by neighbour.
  return Array.from(Int32Array.from(ks).sort(), (k) => model.relationAt(k));
}
