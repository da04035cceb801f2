import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindSelection } from '../../src/graph-view/sync-selection';
import type { Core } from 'cytoscape';
import type { ThreadlineStore } from '../../src/store/store';
import { articleCanvas, articleModel } from './headless-canvas';

const model = articleModel;
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
    ({ store, cy } = articleCanvas(visible, false));
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
