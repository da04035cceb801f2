import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/filters';
import { buildModel } from '../../src/model/graph';
import { entityVisibleUnder } from '../../src/model/subgraph';
import { generateDataset } from '../../src/model/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/validate-folder';
import { defaultView, importance } from '../../src/store/explore-ops';
import { articleBundle } from './fixtures';

const { files } = generateDataset({ entities: 300, relations: 1500, seed: 5, sourceBytes: 20_000 });
const synthetic = validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;

/** The definition: every visible entity ranked by importance, ties by id. */
const byDefinition = (model: ReturnType<typeof buildModel>, filters: Filters, size: number) =>
  model.bundle.entities
    .filter((e) => entityVisibleUnder(model, filters, e.id))
    .map((e) => ({ id: e.id, degree: importance(model, filters, e.id) }))
    .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id))
    .slice(0, size)
    .map((r) => r.id);

const FILTERED: Filters = {
  ...NO_FILTERS,
  hiddenEntityTypes: new Set(['organization']),
  hiddenStatuses: new Set(['allegation', 'claim']),
};

describe('default view', () => {
  it.each([
    ['the article', articleBundle()],
    ['a synthetic dataset', synthetic],
  ])('of %s holds the most important entities, with and without filters', (_n, bundle) => {
    const model = buildModel(bundle);
    // The filters must change the answer, or the filtered case tests nothing.
    expect(byDefinition(model, FILTERED, 25)).not.toEqual(byDefinition(model, NO_FILTERS, 25));
    for (const filters of [NO_FILTERS, FILTERED])
      for (const size of [1, 25])
        expect([...defaultView(model, filters, size).visible]).toEqual(byDefinition(model, filters, size));
  });
});
