import cytoscape, { type Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toElements } from '../../src/graph-view/elements';
import { bindSelection } from '../../src/graph-view/sync-selection';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { drawRelations } from '../../src/model/core/parallel-relations';
import { subgraphOf } from '../../src/model/core/subgraph';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);
const visible = ['eric-trump', 'russia', 'donald-trump', 'vladimir-putin', 'american-banks'];

/** The selection as the canvas shows it, on a headless Cytoscape holding the article's view. */
describe('the canvas follows the store’s selection', () => {
  let store: ThreadlineStore;
  let cy: Core;
  let unbind: () => void;
  const s = () => store.getState();
  const selected = () =>
    cy
      .elements('.is-selected')
      .map((e) => e.id())
      .sort();
  const faded = (id: string) => cy.$id(id).hasClass('is-faded');

  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().addEntities(visible);
    const subgraph = subgraphOf(model, visible, NO_FILTERS);
    cy = cytoscape({
      headless: true,
      elements: toElements(model, subgraph, drawRelations(subgraph.relations, true), false),
    });
    unbind = bindSelection(cy, store);
  });
  afterEach(() => {
    unbind();
    cy.destroy();
  });

  it('marks a selected entity and fades what is not next to it', () => {
    s().selectEntity('american-banks');
    expect(selected()).toEqual(['american-banks']);
    expect(faded('eric-trump')).toBe(false);
    expect(faded('vladimir-putin')).toBe(true);
    s().clearSelection();
    expect(selected()).toEqual([]);
    expect(cy.elements('.is-faded').length).toBe(0);
  });

  it('marks the pair’s one edge when a relation drawn in it is selected', () => {
    const inPair = model.relations.get(
      cy.$id('pair:donald-trump~vladimir-putin').data('relationIds')[0] as string,
    )!;
    s().selectRelation(inPair.id);
    expect(selected()).toEqual(['pair:donald-trump~vladimir-putin']);
    expect(faded('donald-trump') || faded('vladimir-putin')).toBe(false);
    expect(faded('american-banks')).toBe(true);
  });

  it('marks a relation drawn on its own, and the pair as a whole when the pair is selected', () => {
    const own = cy.edges('[kind = "relation"]').first();
    s().selectRelation(own.id());
    expect(selected()).toEqual([own.id()]);
    s().selectPair('vladimir-putin', 'donald-trump');
    expect(selected()).toEqual(['pair:donald-trump~vladimir-putin']);
  });
});
