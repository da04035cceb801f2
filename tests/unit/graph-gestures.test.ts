import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindGestures } from '../../src/graph-view/gestures';
import { quoteKey } from '../../src/model/core/graphology-model';
import type { Core } from 'cytoscape';
import type { ThreadlineStore } from '../../src/store/store';
import { articleCanvas, articleModel } from './headless-canvas';

const model = articleModel;
const visible = ['eric-trump', 'russia', 'donald-trump', 'vladimir-putin'];

/** Gestures on a headless Cytoscape holding the article's view, quotes shown: what each one asks of the store. */
describe('canvas gestures become store actions', () => {
  let store: ThreadlineStore;
  let cy: Core;
  let unbind: () => void;
  const s = () => store.getState();

  beforeEach(() => {
    ({ store, cy } = articleCanvas(visible, true));
    unbind = bindGestures(cy, store);
  });
  afterEach(() => cy.destroy());

  it('a tap on an entity selects it; a tap on the background clears the selection', () => {
    cy.$id('russia').emit('tap');
    expect(s().selection).toEqual({ kind: 'entity', id: 'russia' });
    cy.emit('tap');
    expect(s().selection).toBeNull();
  });

  it('a tap on a relation selects it, and a tap on a quote’s line selects the relation the quote backs', () => {
    const relation = cy.edges('[kind = "relation"]').first();
    relation.emit('tap');
    expect(s().selection).toEqual({ kind: 'relation', id: relation.id() });
    const evidence = cy.edges('[kind = "evidence"]').last();
    evidence.emit('tap');
    expect(s().selection).toEqual({ kind: 'relation', id: evidence.data('relationId') });
  });

  it('a tap on a pair’s one edge selects the pair', () => {
    cy.$id('pair:donald-trump~vladimir-putin').emit('tap');
    expect(s().selection).toEqual({ kind: 'pair', id: 'donald-trump~vladimir-putin' });
  });

  it('a tap on a quote opens the reader on it', () => {
    const quoteId = model.relations.get(cy.edges('[kind = "relation"]').first().id())!.evidence[0]!;
    cy.$id(quoteKey(quoteId)).emit('tap');
    expect(s().reader).toMatchObject({
      open: true,
      sourceId: model.quotes.get(quoteId)!.sourceId,
      focusQuoteId: quoteId,
    });
  });

  it('a double tap on an entity expands it, on a quote it does nothing', () => {
    const before = s().view;
    cy.nodes('[kind = "quote"]').first().emit('dbltap');
    expect(s().view).toBe(before);
    cy.$id('eric-trump').emit('dbltap');
    expect(s().view.visible.size).toBeGreaterThan(before.visible.size);
    expect([...s().view.addedBy.values()]).toContain('eric-trump');
  });

  it('dropping a dragged entity records where it now is', () => {
    cy.$id('russia').position({ x: 321, y: -45 });
    cy.$id('russia').emit('dragfree');
    expect(s().positions.get('russia')).toEqual({ x: 321, y: -45 });
  });

  it('once unbound, gestures ask nothing of the store', () => {
    unbind();
    cy.$id('russia').emit('tap');
    cy.$id('eric-trump').emit('dbltap');
    expect(s().selection).toBeNull();
    expect(s().view.visible.size).toBe(visible.length);
  });
});
