import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { entityVisibleUnder, filteredRelationsOf, relationVisibleUnder } from '../../src/model/core/subgraph';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import {
  DEFAULT_VIEW_EDGE_BUDGET,
  defaultView,
  expansionCandidates,
  expansionCount,
  importance,
} from '../../src/store/explore-ops';
import { drawRelations } from '../../src/model/core/parallel-relations';
import { neighbours, otherEnd } from '../../src/model/core/queries';
import { subgraphOf } from '../../src/model/core/subgraph';
import { articleBundle } from './fixtures';

const { files } = generateDataset({ entities: 300, relations: 1500, seed: 5, sourceBytes: 20_000 });
const synthetic = validateDatasetFolder('synthetic', (path) => files.get(path)).bundle!;

/** Edges the canvas draws for these entities: one per relation, one per pair with many. */
const drawnEdges = (model: ReturnType<typeof buildModel>, ids: Iterable<string>, filters: Filters) => {
  const { single, bundles } = drawRelations(subgraphOf(model, ids, filters).relations, true);
  return single.length + bundles.length;
};

/** Every visible entity ranked by importance, ties by id. */
const ranked = (model: ReturnType<typeof buildModel>, filters: Filters) =>
  model.data.entities
    .filter((e) => entityVisibleUnder(model, filters, e.id))
    .map((e) => ({ id: e.id, degree: importance(model, filters, e.id) }))
    .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id))
    .map((r) => r.id);

/**
 * The definition: take entities in order of importance (among the top 4 × size), passing over any that
 * would take the relations drawn past the budget, until `size` are chosen.
 */
const byDefinition = (model: ReturnType<typeof buildModel>, filters: Filters, size: number) => {
  const chosen: string[] = [];
  for (const id of ranked(model, filters).slice(0, size * 4)) {
    if (chosen.length >= size) break;
    const edges = drawnEdges(model, [...chosen, id], filters);
    if (chosen.length > 0 && edges > DEFAULT_VIEW_EDGE_BUDGET) continue;
    chosen.push(id);
  }
  return chosen;
};

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

  it('keeps the opening view within its edge budget, and the article within it untouched', () => {
    const dense = buildModel(synthetic);
    // Its 50 most important entities alone would draw more edges than the budget, even with each pair's
    // many relations drawn as one, so the budget is exercised.
    const top = ranked(dense, NO_FILTERS).slice(0, 50);
    expect(drawnEdges(dense, top, NO_FILTERS)).toBeGreaterThan(DEFAULT_VIEW_EDGE_BUDGET);
    const view = defaultView(dense, NO_FILTERS, 50);
    expect(view.visible.size).toBeGreaterThanOrEqual(35);
    expect(view.visible.size).toBeLessThan(50);
    expect(drawnEdges(dense, view.visible, NO_FILTERS)).toBeLessThanOrEqual(DEFAULT_VIEW_EDGE_BUDGET);
    const article = buildModel(articleBundle());
    expect([...defaultView(article, NO_FILTERS).visible]).toEqual(ranked(article, NO_FILTERS).slice(0, 25));
  });
});

describe('the drawn subgraph', () => {
  it('holds every relation among the drawn entities, also for hubs looked up pair by pair', () => {
    const dense = buildModel(synthetic);
    const hub = ranked(dense, NO_FILTERS)[0]!;
    // A hub with far more relations than entities drawn takes the pair-by-pair path.
    const drawn = [hub, ...neighbours(dense, hub).slice(0, 10), ...ranked(dense, NO_FILTERS).slice(-5)];
    expect(dense.relationCounts.get(hub)!).toBeGreaterThan(drawn.length * 8);
    for (const filters of [NO_FILTERS, FILTERED]) {
      const shown = new Set(drawn.filter((id) => entityVisibleUnder(dense, filters, id)));
      const expected = [...dense.relations.values()]
        .filter((r) => shown.has(r.source) && shown.has(r.target))
        .filter((r) => relationVisibleUnder(dense, filters, r.id))
        .map((r) => r.id);
      const got = subgraphOf(dense, drawn, filters).relations.map((r) => r.id);
      expect(got.sort()).toEqual(expected.sort());
      if (filters === NO_FILTERS) expect(got.length).toBeGreaterThan(0);
    }
  });
});

describe('expansion candidates', () => {
  const dense = buildModel(synthetic);
  const view = defaultView(dense, NO_FILTERS);

  it('are the hidden neighbours through relations passing the filters, most important first', () => {
    for (const filters of [NO_FILTERS, FILTERED])
      for (const id of [...view.visible].slice(0, 10)) {
        const relations = filteredRelationsOf(dense, filters, id);
        expect(importance(dense, filters, id)).toBe(relations.length);
        const expected = new Set(
          relations.map((r) => otherEnd(r, id)).filter((other) => other !== id && !view.visible.has(other)),
        );
        const got = expansionCandidates(view, dense, filters, id);
        expect(new Set(got)).toEqual(expected);
        expect(expansionCount(view, dense, filters, id)).toBe(expected.size);
        const degrees = got.map((other) => filteredRelationsOf(dense, filters, other).length);
        expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
        const type = relations[0]?.type;
        if (type)
          expect(expansionCandidates(view, dense, filters, id, { relationType: type }).length).toBe(
            expansionCount(view, dense, filters, id, type),
          );
      }
  });
});
