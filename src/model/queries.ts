/** Typed read queries over the model that the explorer and analysis need. */
import type { BundleQuote, BundleSource } from './bundle';
import type { EdgeAttributes, Model, RelationEdgeAttributes } from './graph';
import type { EntityRecord, RelationRecord } from './schema';
import type { EntityType } from './vocabulary';

export interface Evidence {
  quote: BundleQuote;
  source: BundleSource;
  speaker?: EntityRecord;
  occasion?: EntityRecord;
}

const isRelation = (a: EdgeAttributes): a is RelationEdgeAttributes => a.kind === 'relation';

/** Every relation touching an entity, in either direction. */
export function relationsOf(model: Model, entityId: string): RelationRecord[] {
  if (!model.graph.hasNode(entityId)) return [];
  const out: RelationRecord[] = [];
  model.graph.forEachEdge(entityId, (_key, attrs) => {
    if (isRelation(attrs)) out.push(attrs.relation);
  });
  return out;
}

/** The entity at the other end of a relation, seen from `entityId`. */
export const otherEnd = (relation: RelationRecord, entityId: string): string =>
  relation.source === entityId ? relation.target : relation.source;

/** Neighbours of an entity, optionally through one relation type only. */
export function neighbours(model: Model, entityId: string, relationType?: string): string[] {
  const ids = new Set<string>();
  for (const r of relationsOf(model, entityId))
    if (!relationType || r.type === relationType) ids.add(otherEnd(r, entityId));
  ids.delete(entityId);
  return [...ids];
}

/** Relation counts per type around an entity, largest first. */
export function relationTypeCounts(model: Model, entityId: string): Array<{ type: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of relationsOf(model, entityId)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** All relations between two entities, whichever way they point. */
export function relationsBetween(model: Model, a: string, b: string): RelationRecord[] {
  if (!model.graph.hasNode(a) || !model.graph.hasNode(b)) return [];
  const out: RelationRecord[] = [];
  const collect = (_k: string, attrs: EdgeAttributes) => {
    if (isRelation(attrs)) out.push(attrs.relation);
  };
  // forEachOutEdge(a, b) is one direction only; forEachDirectedEdge(a, b) would yield both and double count.
  model.graph.forEachOutEdge(a, b, collect);
  if (a !== b) model.graph.forEachOutEdge(b, a, collect);
  return out;
}

/** The quotes behind a relation, each with its source, speaker and occasion. */
export function evidenceFor(model: Model, relationId: string): Evidence[] {
  const relation = model.relations.get(relationId);
  if (!relation) return [];
  return relation.evidence.flatMap((qid) => {
    const quote = model.quotes.get(qid);
    const source = quote && model.sources.get(quote.sourceId);
    if (!quote || !source) return [];
    const speaker = quote.speaker ? model.entities.get(quote.speaker) : undefined;
    const occasion = quote.occasion ? model.entities.get(quote.occasion) : undefined;
    return [{ quote, source, ...(speaker ? { speaker } : {}), ...(occasion ? { occasion } : {}) }];
  });
}

/** Relations a quote is evidence for. */
export function relationsCitingQuote(model: Model, quoteId: string): RelationRecord[] {
  return model.bundle.relations.filter((r) => r.evidence.includes(quoteId));
}

export function entitiesByType(model: Model, type: EntityType): EntityRecord[] {
  return model.bundle.entities.filter((e) => e.type === type);
}

/** Number of relations touching each entity (relation edges only, not evidence). */
export function relationDegree(model: Model, entityId: string): number {
  return relationsOf(model, entityId).length;
}

/** A relation read as a sentence: "Donald Trump praised Xi Jinping". */
export function relationSentence(model: Model, relation: RelationRecord): string {
  const label = model.relationTypes.get(relation.type)?.label ?? relation.type.replace(/_/g, ' ');
  const name = (id: string) => model.entities.get(id)?.name ?? id;
  return `${name(relation.source)} ${label} ${name(relation.target)}`;
}
