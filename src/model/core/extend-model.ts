/**
 * A model grown by records that arrive after it was built: a server dataset's partial model, step by step.
 * The grown model is the model of its records followed by the new ones, as if compiled from the union;
 * records it already holds (an entity a quote names again) are skipped. The model given is left as it was:
 * undo history may still hold it.
 *
 * A denial may arrive before what it answers: the server then leaves its `answers` out (a partial model
 * stays a valid dataset) and sends the link beside the records. The link waits with the model until its
 * target arrives, whatever the order, and is then put back as if the relation had come with it.
 */
import type { BundleQuoteRecord } from '../format/bundle';
import type { ArrivingSource } from './held-text';
import type { EntityRecord, RelationRecord, RelationType } from '../format/schema';
import type { Model } from './model';
import { createModelBuilder } from './model-builder';

/**
 * What a relation (or, with `quote`, the claim citing that quote) answers, left out of its record because
 * the target, a relation or a quote, was not loaded with it.
 */
export interface AnswerLink {
  relation: string;
  quote?: string;
  answers: string;
}

/** Records to add; sources, entities and quotes that relations name must be in the model or here. */
export interface ModelDelta {
  relationTypes: RelationType[];
  /** New sources, whole or in part, and more of those held in part (windows, or the whole text). */
  sources: ArrivingSource[];
  entities: EntityRecord[];
  quotes: BundleQuoteRecord[];
  relations: RelationRecord[];
  /** Answers left out of these relations (or of relations held) for want of their target. */
  answers?: AnswerLink[];
}

/** Per model, the answers still waiting for their target; a grown model takes over its base's. */
const waiting = new WeakMap<Model, readonly AnswerLink[]>();

/** Gives a model opened from part of a dataset the answers its records were sent without. */
export function holdAnswers(model: Model, links: readonly AnswerLink[]): void {
  if (links.length > 0) waiting.set(model, links);
}

/** The answers a model holds back, their targets not loaded yet. */
export const heldAnswers = (model: Model): readonly AnswerLink[] => waiting.get(model) ?? [];

/** The records of `delta` not in `model`, each once. */
function unseen<T extends { id: string }>(records: readonly T[], has: (id: string) => boolean): T[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    if (has(r.id) || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

export function extendModel(model: Model, delta: ModelDelta): Model {
  const { data, index } = model;
  const types = unseen(delta.relationTypes, (id) => model.relationTypes.has(id));
  const builder = createModelBuilder(
    {
      dataset: data.dataset,
      relationTypes: [...data.relationTypes, ...types],
      entityTypes: data.entityTypes,
    },
    data,
  );
  const quoteIndex = index.quote();
  // A source held in part takes what more of it arrives; one held whole takes nothing.
  const partial = data.evidence?.partial;
  builder.add({
    kind: 'sources',
    records: unseen(delta.sources, (id) => {
      const i = index.source.get(id);
      return i !== undefined && !partial?.has(i);
    }),
  });
  builder.add({
    kind: 'entities',
    records: unseen(delta.entities, (id) => index.entity.get(id) !== undefined),
  });
  builder.add({ kind: 'quotes', records: unseen(delta.quotes, (id) => quoteIndex.get(id) !== undefined) });
  builder.add({
    kind: 'relations',
    records: unseen(delta.relations, (id) => index.relation.get(id) !== undefined),
  });
  const grown = builder.finish();
  const left = restoreAnswers(grown, [...heldAnswers(model), ...(delta.answers ?? [])]);
  holdAnswers(grown, left);
  return grown;
}

/**
 * Puts each link whose relation and target the model now holds into the model's answers (its columns are
 * its own, fresh from the builder, so the model grown from is untouched); returns those still waiting.
 */
function restoreAnswers(model: Model, links: readonly AnswerLink[]): AnswerLink[] {
  const r = model.data.relations;
  const quotes = model.index.quote();
  const left: AnswerLink[] = [];
  for (const link of links) {
    const k = model.index.relation.get(link.relation);
    const held =
      model.index.relation.get(link.answers) !== undefined || quotes.get(link.answers) !== undefined;
    if (k === undefined || !held) {
      left.push(link);
      continue;
    }
    if (link.quote === undefined) {
      if (!r.answers.has(k)) r.answers.set(k, link.answers);
      continue;
    }
    for (let slot = r.evidenceStart[k]!; slot < r.evidenceStart[k + 1]!; slot++)
      if (model.data.quoteIds[r.evidence[slot]!] === link.quote && !r.claimAnswers.has(slot))
        r.claimAnswers.set(slot, link.answers);
  }
  return left;
}
