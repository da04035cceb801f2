/**
 * A model grown by records that arrive after it was built: a server dataset's partial model, step by step.
 * The grown model is the model of its records followed by the new ones, as if compiled from the union;
 * records it already holds (an entity a quote names again) are skipped. The model given is left as it was:
 * undo history may still hold it.
 */
import type { BundleQuoteRecord, BundleSource } from '../format/bundle';
import type { EntityRecord, RelationRecord, RelationType } from '../format/schema';
import type { Model } from './model';
import { createModelBuilder } from './model-builder';

/** Records to add; sources, entities and quotes that relations name must be in the model or here. */
export interface ModelDelta {
  relationTypes: RelationType[];
  sources: BundleSource[];
  entities: EntityRecord[];
  quotes: BundleQuoteRecord[];
  relations: RelationRecord[];
}

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
  builder.add({
    kind: 'sources',
    records: unseen(delta.sources, (id) => index.source.get(id) !== undefined),
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
  return builder.finish();
}
