import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { keepApart } from '../../src/graph-view/keep-apart';
import { stylesheet } from '../../src/graph-view/stylesheet';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

/** Entities as the canvas draws them (34 px nodes), at the given positions. */
function canvas(at: Record<string, { x: number; y: number }>): Core {
  cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: stylesheet(),
    // Positions as given (the default layout would put every node at 0,0).
    layout: { name: 'preset' },
    elements: Object.entries(at).map(([id, position]) => ({
      group: 'nodes' as const,
      data: { id, kind: 'entity', type: 'person', label: '' },
      position,
    })),
  });
  return cy;
}

const overlap = (c: Core, a: string, b: string) => {
  const x = c.$id(a).boundingBox();
  const y = c.$id(b).boundingBox();
  return x.x1 < y.x2 && y.x1 < x.x2 && x.y1 < y.y2 && y.y1 < x.y2;
};

describe('keeping a step’s own placements off the nodes already drawn', () => {
  it('moves a guessed node off a drawn one, leaves the drawn one where it is, and reports the move', () => {
    const c = canvas({ drawn: { x: 0, y: 0 }, guessed: { x: 5, y: 5 }, far: { x: 500, y: 500 } });
    expect(overlap(c, 'drawn', 'guessed')).toBe(true);
    const moved = keepApart(c, new Set(['guessed', 'far']));
    expect(c.$id('drawn').position()).toEqual({ x: 0, y: 0 });
    expect(overlap(c, 'drawn', 'guessed')).toBe(false);
    expect(moved.get('guessed')).toEqual(c.$id('guessed').position());
    // A guess already clear of everything stays, and is not reported.
    expect(c.$id('far').position()).toEqual({ x: 500, y: 500 });
    expect(moved.has('far')).toBe(false);
  });

  it('keeps guessed nodes off each other too', () => {
    const c = canvas({ drawn: { x: 0, y: 0 }, a: { x: 2, y: 0 }, b: { x: 3, y: 1 }, d: { x: 1, y: 2 } });
    keepApart(c, new Set(['a', 'b', 'd']));
    const ids = ['drawn', 'a', 'b', 'd'];
    for (const [i, p] of ids.entries())
      for (const q of ids.slice(i + 1)) expect(overlap(c, p, q)).toBe(false);
  });

  it('moves nothing when the step placed nothing by itself', () => {
    const c = canvas({ drawn: { x: 0, y: 0 }, other: { x: 5, y: 5 } });
    expect(keepApart(c, new Set()).size).toBe(0);
    expect(c.$id('other').position()).toEqual({ x: 5, y: 5 });
  });
});
