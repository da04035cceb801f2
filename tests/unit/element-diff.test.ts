import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { diffElements } from '../../src/graph-view/element-diff';

const node = (id: string, label = id): ElementDefinition => ({ group: 'nodes', data: { id, label } });
const edge = (id: string, source: string, target: string, label = 'knows'): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, label },
});
const drawnOf = (els: ElementDefinition[]) => els.map((e) => ({ id: e.data.id!, label: e.data.label }));

describe('the element diff', () => {
  it('changes nothing when what is drawn is what is wanted', () => {
    const els = [node('a'), node('b'), edge('r1', 'a', 'b')];
    expect(diffElements(drawnOf(els), els)).toEqual({ remove: [], add: [], update: [] });
  });

  it('adds what is new, nodes before edges so an edge finds its ends', () => {
    const diff = diffElements(drawnOf([node('a')]), [edge('r1', 'a', 'b'), node('a'), node('b')]);
    expect(diff.add.map((e) => e.data.id)).toEqual(['b', 'r1']);
    expect(diff.remove).toEqual([]);
  });

  it('removes what is no longer wanted, edges and nodes alike', () => {
    const diff = diffElements(drawnOf([node('a'), node('b'), edge('r1', 'a', 'b')]), [node('a')]);
    expect(diff.remove.sort()).toEqual(['b', 'r1']);
    expect(diff.add).toEqual([]);
  });

  it('updates an element whose label changed ("+3 more", a bundle count) rather than redrawing it', () => {
    const diff = diffElements(drawnOf([node('a', 'Ann'), node('b')]), [node('a', 'Ann\n+3 more'), node('b')]);
    expect(diff.update.map((e) => e.data.label)).toEqual(['Ann\n+3 more']);
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
  });
});
