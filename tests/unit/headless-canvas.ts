/** The article in a fresh store, with `visible` shown, and a headless Cytoscape drawing that view: the bench the canvas controllers' unit tests bind to. */
import cytoscape, { type Core } from 'cytoscape';
import { toElements } from '../../src/graph-view/elements';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { drawRelations } from '../../src/model/core/parallel-relations';
import { subgraphOf } from '../../src/model/core/subgraph';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
export const articleModel = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

export function articleCanvas(
  visible: readonly string[],
  quotes: boolean,
): { store: ThreadlineStore; cy: Core } {
  const store = createThreadlineStore();
  store.getState().setModel(articleModel, search);
  store.getState().addEntities(visible);
  const subgraph = subgraphOf(articleModel, visible, NO_FILTERS);
  const cy = cytoscape({
    headless: true,
    elements: toElements(articleModel, subgraph, drawRelations(subgraph.relations, true), quotes),
  });
  return { store, cy };
}
