import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import { bindMarks } from '../../src/graph-view/sync-marks';
import { bindPaths } from '../../src/graph-view/sync-paths';
import { bindSelection } from '../../src/graph-view/sync-selection';
import type { ThreadlineStore } from '../../src/store/store';
import { articleCanvas } from './headless-canvas';

const visible = ['eric-trump', 'russia', 'donald-trump', 'vladimir-putin', 'american-banks'];

/**
 * The emphasis controllers restyle only what changes: a step that leaves an element's emphasis as it was
 * must not restyle it (Cytoscape re-measures every element a class call names, changed or not, and on a
 * server dataset that made each expansion redraw the whole opening).
 */
describe('the canvas’s emphasis touches only the elements whose classes change', () => {
  let store: ThreadlineStore;
  let cy: Core;
  let unbind: Array<() => void>;
  const s = () => store.getState();
  let restyled: Set<string>;

  beforeEach(() => {
    ({ store, cy } = articleCanvas(visible, false));
    unbind = [bindSelection(cy, store), bindMarks(cy, store), bindPaths(cy, store)];
    restyled = new Set();
    cy.on('class', (e) => void restyled.add((e.target as { id(): string }).id()));
  });
  afterEach(() => {
    unbind.forEach((u) => u());
    cy.destroy();
  });

  it('a step that changes no emphasis restyles nothing, and the classes stay', () => {
    s().selectEntity('american-banks');
    s().mark(['russia']);
    s().highlightPath({ entityIds: ['eric-trump', 'russia'], relationIds: [] });
    const faded = cy.elements('.is-faded').length;
    expect(faded).toBeGreaterThan(0);
    restyled.clear();
    // Asks the canvas for a layout: every controller follows it, none has anything new to show.
    s().relayout();
    expect([...restyled]).toEqual([]);
    expect(cy.$id('american-banks').hasClass('is-selected')).toBe(true);
    expect(cy.elements('.is-faded').length).toBe(faded);
    expect(cy.$id('russia').hasClass('is-marked')).toBe(true);
    expect(cy.$id('russia').hasClass('is-path')).toBe(true);
    expect(cy.$id('american-banks').hasClass('is-off-path')).toBe(true);
  });

  it('a new selection restyles what it marks or fades anew, not the rest', () => {
    s().selectEntity('american-banks');
    const before = new Set(cy.elements('.is-faded').map((e) => e.id()));
    restyled.clear();
    s().selectEntity('eric-trump');
    const after = new Set(cy.elements('.is-faded').map((e) => e.id()));
    const changed = cy
      .elements()
      .filter((e) => before.has(e.id()) !== after.has(e.id()))
      .map((e) => e.id());
    expect(cy.$id('eric-trump').hasClass('is-selected')).toBe(true);
    expect(cy.$id('american-banks').hasClass('is-selected')).toBe(false);
    expect([...restyled].sort()).toEqual([...new Set([...changed, 'eric-trump', 'american-banks'])].sort());
    s().clearSelection();
    expect(cy.elements('.is-faded, .is-selected').length).toBe(0);
  });
});
