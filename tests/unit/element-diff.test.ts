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

describe('the element diff under the source filters', () => {
  const relation = (
    status: string,
    sources: number,
    contested: boolean,
    label = 'funded',
  ): ElementDefinition => ({
    group: 'edges',
    data: { id: 'r1', source: 'a', target: 'b', kind: 'relation', label, status, sources, contested },
  });
  const drawn = (e: ElementDefinition) => [
    {
      id: 'r1',
      label: e.data.label,
      status: e.data.status,
      sources: e.data.sources,
      contested: e.data.contested,
    },
  ];

  it('restyles a relation whose width or double line changed though its label did not', () => {
    const before = relation('fact', 1, false);
    expect(diffElements(drawn(before), [before]).update).toEqual([]);
    expect(
      diffElements(drawn(before), [relation('fact', 2, false)]).update.map((e) => e.data.sources),
    ).toEqual([2]);
    expect(diffElements(drawn(before), [relation('fact', 1, true)]).update).toHaveLength(1);
    expect(diffElements(drawn(before), [relation('claim', 1, false)]).update).toHaveLength(1);
  });
});
