import cytoscape, { type Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stylesheet } from '../../src/graph-view/stylesheet';
import { bindElements } from '../../src/graph-view/sync-elements';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';
import { articleModel } from './headless-canvas';

/**
 * A step restyles only what it changes: Cytoscape re-measures a restyled node and every edge it has, so
 * restyling what was already drawn made each expansion on a server dataset redraw the whole opening.
 */
describe('the canvas after a step', () => {
  let store: ThreadlineStore;
  let cy: Core;
  let unbind: () => void;

  beforeEach(() => {
    store = createThreadlineStore();
    store.getState().setModel(articleModel, buildEntitySearch(articleBundle().entities));
    store.getState().addEntities(['eric-trump', 'russia', 'donald-trump']);
    cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() });
    unbind = bindElements(cy, store);
  });
  afterEach(() => {
    unbind();
    cy.destroy();
  });

  it('adds what the step shows without restyling the entities already drawn', () => {
    const drawn = cy.nodes().map((n) => n.id());
    expect(drawn.length).toBe(3);
    const restyled = new Set<string>();
    cy.on('style', (e) => void restyled.add((e.target as { id(): string }).id()));
    store.getState().addEntities(['vladimir-putin']);
    expect(cy.$id('vladimir-putin').nonempty()).toBe(true);
    expect(drawn.filter((id) => restyled.has(id))).toEqual([]);
  });
});
