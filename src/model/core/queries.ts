/** Typed read queries over the model that the explorer and analysis need. */
import type { BundleQuote, BundleSource } from '../format/bundle';
import { someRelationBetween, someRelationOf, type Model } from './model';
import type { EntityRecord, RelationRecord } from '../format/schema';

export interface Evidence {
  quote: BundleQuote;
  source: BundleSource;
  speaker?: EntityRecord;
  occasion?: EntityRecord;
}

/** Every relation touching an entity, in either direction. */
export function relationsOf(model: Model, entityId: string): RelationRecord[] {
  const i = model.index.entity.get(entityId);
  if (i === undefined) return [];
  const { offsets, relationOf } = model.adjacency;
  // In the dataset's order; the adjacency keeps them by neighbour.
  const ks = relationOf.slice(offsets[i]!, offsets[i + 1]!).sort();
  const out = new Array<RelationRecord>(ks.length);
  for (let n = 0; n < ks.length; n++) out[n] = model.relationAt(ks[n]!);
  return out;
}

/** The entity at the other end of a relation, seen from `entityId`. */
export const otherEnd = (relation: RelationRecord, entityId: string): string =>
  relation.source === entityId ? relation.target : relation.source;

/** Neighbours of an entity, optionally through one relation type only. */
export function neighbours(model: Model, entityId: string, relationType?: string): string[] {
  // Straight from the adjacency, no records: rows are in neighbour order, so repeats are adjacent.
  const type =
    relationType === undefined ? -1 : model.data.relationTypes.findIndex((t) => t.id === relationType);
  if (relationType !== undefined && type < 0) return [];
  const self = model.index.entity.get(entityId);
  const out: string[] = [];
  let last = -1;
  someRelationOf(model, entityId, (k, other) => {
    if (other === last || other === self || (type >= 0 && model.data.relations.type[k] !== type)) return;
    last = other;
    out.push(model.data.entities[other]!.id);
  });
  return out;
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
  const out: RelationRecord[] = [];
  someRelationBetween(model, a, b, (k) => {
    out.push(model.relationAt(k));
  });
  // Column order is bundle order, whichever end the walk started from.
  return out.sort((x, y) => model.index.relation.get(x.id)! - model.index.relation.get(y.id)!);
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

/** The quotes of one source, in bundle order, each with the ids of the relations citing it: one pass over the evidence. */
export function quotesOfSource(
  model: Model,
  sourceId: string,
): Array<{ quote: BundleQuote; citedBy: string[] }> {
  const s = model.index.source.get(sourceId);
  const ev = model.data.evidence;
  if (s === undefined || !ev) return [];
  const citedBy = new Map<number, string[]>();
  const { evidence, evidenceStart, id } = model.data.relations;
  for (let k = 0; k + 1 < evidenceStart.length; k++)
    for (let j = evidenceStart[k]!; j < evidenceStart[k + 1]!; j++) {
      const q = evidence[j]!;
      if (ev.quotes.source[q] !== s) continue;
      const list = citedBy.get(q);
      if (!list) citedBy.set(q, [id[k]!]);
      else if (list[list.length - 1] !== id[k]) list.push(id[k]!);
    }
  const out: Array<{ quote: BundleQuote; citedBy: string[] }> = [];
  for (let q = 0; q < model.data.quoteIds.length; q++)
    if (ev.quotes.source[q] === s)
      out.push({ quote: model.quotes.get(model.data.quoteIds[q]!)!, citedBy: citedBy.get(q) ?? [] });
  return out;
}

/**
 * The relations a highlighted run backs, each once, in the order its quotes (innermost first) cite them:
 * the reader lists them all rather than picking one for the reader.
 */
export function relationsBacking(
  quoteIds: readonly string[],
  citedBy: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [...new Set(quoteIds.flatMap((q) => citedBy.get(q) ?? []))];
}

/** Number of relations touching each entity (relation edges only, not evidence). */
export function relationDegree(model: Model, entityId: string): number {
  return model.relationCounts.get(entityId) ?? 0;
}

// Callers that already read the model from here keep doing so; the wording itself lives in relation-wording.ts.
export { relationSentence } from './relation-wording';
