import { describe, expect, it } from 'vitest';
import { layoutBoxes } from '../../src/graph-view/layout-core';
import type { LayoutNode } from '../../src/graph-view/layout-protocol';

/** A small graph shaped like an explored view: two hubs, their neighbours, a few cross links. */
function sampleGraph(): { nodes: LayoutNode[]; links: Array<[string, string]> } {
  const nodes: LayoutNode[] = Array.from({ length: 24 }, (_, i) => ({
    id: `n${i}`,
    width: 40 + ((i * 37) % 90),
    height: 30 + ((i * 11) % 20),
  }));
  const links: Array<[string, string]> = [];
  for (let i = 2; i < 24; i++) links.push([`n${i % 2}`, `n${i}`]);
  links.push(['n3', 'n8'], ['n5', 'n13'], ['n20', 'n21'], ['n0', 'n1']);
  return { nodes, links };
}

const rounded = (m: Map<string, { x: number; y: number }>) =>
  [...m].map(([id, p]) => [id, Math.round(p.x * 1000) / 1000, Math.round(p.y * 1000) / 1000]).sort();

describe('layout of an explored view', () => {
  it('places the same input the same way every time', () => {
    const { nodes, links } = sampleGraph();
    const first = layoutBoxes(nodes, links, true);
    const second = layoutBoxes(nodes, links, true);
    expect(rounded(second)).toEqual(rounded(first));
  });

  it('does not depend on the order the canvas happens to list nodes and links in', () => {
    const { nodes, links } = sampleGraph();
    const first = layoutBoxes(nodes, links, true);
    const shuffled = layoutBoxes([...nodes].reverse(), [...links].reverse(), true);
    expect(rounded(shuffled)).toEqual(rounded(first));
  });

  it('places new nodes the same way around the same fixed ones', () => {
    const { nodes, links } = sampleGraph();
    const placed = layoutBoxes(
      nodes.slice(0, 12),
      links.filter(([, b]) => Number(b.slice(1)) < 12),
      true,
    );
    const withFixed = nodes.map((n) => (placed.has(n.id) ? { ...n, fixed: placed.get(n.id)! } : n));
    const first = layoutBoxes(withFixed, links, false);
    const second = layoutBoxes([...withFixed].reverse(), links, false);
    expect(rounded(second)).toEqual(rounded(first));
    for (const [id, p] of placed) expect(first.get(id)).toEqual(p);
  });
});
