/** Counts for the filters panel: per option, how many elements would show with every other filter applied. */
import type { Filters } from '../filters';
import { entityPasses, relationPasses } from '../filters';
import type { Model } from '../graph';
import type { EntityType, Status } from '../vocabulary';

export interface FacetCounts {
  entityTypes: Map<EntityType, number>;
  relationTypes: Map<string, number>;
  statuses: Map<Status, number>;
  /** Elements in the whole dataset that pass every filter (a relation also needs both ends to pass). */
  passing: { entities: number; relations: number };
  total: { entities: number; relations: number };
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

export function facetCounts(model: Model, filters: Filters): FacetCounts {
  const entityTypes = new Map<EntityType, number>();
  const relationTypes = new Map<string, number>();
  const statuses = new Map<Status, number>();
  const entityOk = new Map<string, boolean>();
  let entities = 0;
  let relations = 0;
  // Facet counting: an option's count ignores that facet's own filter, so hidden options still show what they hold.
  const anyType: Filters = { ...filters, hiddenEntityTypes: new Set() };
  const anyRelationType: Filters = { ...filters, hiddenRelationTypes: new Set() };
  const anyStatus: Filters = { ...filters, hiddenStatuses: new Set() };
  model.graph.forEachNode((id, attrs) => {
    if (attrs.kind !== 'entity') return;
    const ok = entityPasses(filters, attrs.entity, attrs.date);
    entityOk.set(id, ok);
    if (ok) entities++;
    if (entityPasses(anyType, attrs.entity, attrs.date)) bump(entityTypes, attrs.entity.type);
  });
  model.graph.forEachEdge((_key, attrs, source, target) => {
    if (attrs.kind !== 'relation') return;
    if (!entityOk.get(source) || !entityOk.get(target)) return;
    const r = attrs.relation;
    if (relationPasses(filters, r, attrs.date)) relations++;
    if (relationPasses(anyRelationType, r, attrs.date)) bump(relationTypes, r.type);
    if (relationPasses(anyStatus, r, attrs.date)) bump(statuses, r.status);
  });
  return {
    entityTypes,
    relationTypes,
    statuses,
    passing: { entities, relations },
    total: { entities: model.bundle.entities.length, relations: model.bundle.relations.length },
  };
}
