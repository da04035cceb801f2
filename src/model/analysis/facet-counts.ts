/** Counts for the filters panel: per option, how many elements would show with every other filter applied. */
import { baseTypeOf } from '../core/entity-types';
import type { Filters } from '../core/filters';
import { entityPasses, relationPasses } from '../core/filters';
import { relationFacetsAt, type Model } from '../core/model';
import type { EntityType, Status } from '../core/vocabulary';

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
  const entityOk = new Uint8Array(model.data.entities.length);
  let entities = 0;
  let relations = 0;
  // Facet counting: an option's count ignores that facet's own filter, so hidden options still show what they hold.
  const anyType: Filters = { ...filters, hiddenEntityTypes: new Set() };
  const anyRelationType: Filters = { ...filters, hiddenRelationTypes: new Set() };
  const anyStatus: Filters = { ...filters, hiddenStatuses: new Set() };
  model.data.entities.forEach((entity, i) => {
    const date = model.entityDates.get(i);
    const ok = entityPasses(filters, entity, date, model.entityTypes);
    entityOk[i] = ok ? 1 : 0;
    if (ok) entities++;
    if (entityPasses(anyType, entity, date, model.entityTypes))
      bump(entityTypes, baseTypeOf(model, entity.type));
  });
  const columns = model.data.relations;
  for (let k = 0; k < columns.id.length; k++) {
    if (!entityOk[columns.source[k]!] || !entityOk[columns.target[k]!]) continue;
    const r = relationFacetsAt(model, k);
    const date = model.relationDates.get(k);
    if (relationPasses(filters, r, date)) relations++;
    if (relationPasses(anyRelationType, r, date)) bump(relationTypes, r.type);
    if (relationPasses(anyStatus, r, date)) bump(statuses, r.status);
  }
  return {
    entityTypes,
    relationTypes,
    statuses,
    passing: { entities, relations },
    total: { entities: model.entities.size, relations: model.relations.size },
  };
}
