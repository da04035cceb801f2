import { describe, expect, it } from 'vitest';
import { encodeCompact } from '../../src/model/compact/encode';
import { compactQuote, loadCompact } from '../../src/model/compact/load';
import { buildModel } from '../../src/model/model-builder';
import { neighbours, relationsOf } from '../../src/model/queries';
import { generateDataset } from '../../src/model/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/validate-folder';

const { files } = generateDataset({ entities: 200, relations: 800, seed: 3 });
const bundle = validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;
// Through JSON, as the files are read: sparse columns come back with string keys.
const { index, evidence } = JSON.parse(JSON.stringify(encodeCompact(bundle))) as ReturnType<
  typeof encodeCompact
>;
const compact = loadCompact(index);

describe('compact index', () => {
  it('rebuilds every relation, entity and quote of the bundle', () => {
    expect(bundle.relations.map((_, k) => compact.relation(k))).toEqual(bundle.relations);
    expect(compact.entities).toEqual(bundle.entities);
    expect(bundle.quotes.map((_, q) => compactQuote(index, evidence, q))).toEqual(bundle.quotes);
  });

  it('expands an entity to the same relations and neighbours as the graph model', () => {
    const model = buildModel(bundle);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    for (const e of bundle.entities.slice(0, 40)) {
      const got = compact.expand(e.id);
      expect([...got.relations].sort(byId)).toEqual([...relationsOf(model, e.id)].sort(byId));
      expect([...got.neighbours].sort()).toEqual(neighbours(model, e.id).sort());
    }
  });

  it('finds entities by name', () => {
    const target = bundle.entities[5]!;
    expect(compact.search.search(target.name).map((h) => h.id)).toContain(target.id);
  });
});
