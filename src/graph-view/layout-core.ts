/**
 * One fCoSE layout of measured boxes on a headless Cytoscape, with no DOM: what the layout worker runs, and
 * the canvas when no worker can start. The same request always gives the same positions, and no node it
 * places overlaps another's box.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { mulberry32 } from '../model/core/prng';
import type { Point } from '../store/view-state';
import { fcoseOptions } from './fcose-options';
import type { LayoutNode } from './layout-protocol';
import { separateBoxes, type Box } from './separate-boxes';

cytoscape.use(fcose);

/** Where every run starts its random numbers: any fixed value does. */
const SEED = 0x6d2b79f5;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const pairKey = ([a, b]: readonly [string, string]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function layoutBoxes(
  unorderedNodes: readonly LayoutNode[],
  unorderedLinks: ReadonlyArray<readonly [string, string]>,
  randomize: boolean,
): Map<string, Point> {
  // fCoSE's result depends on the order it meets nodes and edges in, and the canvas's order depends on
  // the history of the view: sorted, the same view is laid out the same way however it was reached.
  const nodes = [...unorderedNodes].sort(byId);
  const links = [...unorderedLinks]
    .map((l) => [pairKey(l), l] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, l]) => l);
  // fCoSE keys its own tables by node id in plain objects, where an id such as "constructor" finds
  // Object.prototype's member instead of a node: it is handed row keys, and the real ids come back.
  const key = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements: [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: key.get(n.id)!, width: n.width, height: n.height },
        ...(n.fixed ? { position: { ...n.fixed } } : {}),
      })),
      ...links.flatMap(([source, target], i) => {
        const s = key.get(source);
        const t = key.get(target);
        return s && t ? [{ group: 'edges' as const, data: { id: `l${i}`, source: s, target: t } }] : [];
      }),
    ],
  });
  // fCoSE draws on Math.random (spectral sampling, nudging nodes that share a point); a run is
  // synchronous, so a seeded generator for its duration makes it repeatable without touching the library.
  const random = Math.random;
  Math.random = mulberry32(SEED).next;
  try {
    const fixed = nodes.flatMap((n) => (n.fixed ? [{ nodeId: key.get(n.id)!, position: n.fixed }] : []));
    cy.layout(fcoseOptions({ randomize, fixed })).run();
    const offset = (n: LayoutNode) => n.offset ?? { x: 0, y: 0 };
    const boxAt = (n: LayoutNode, p: Point): Box => ({
      id: n.id,
      width: n.width,
      height: n.height,
      x: p.x + offset(n).x,
      y: p.y + offset(n).y,
    });
    // Fixed nodes are returned exactly as given (fCoSE hands them back with rounding noise); the others
    // are moved off any box already taken.
    const moved = separateBoxes(
      nodes.flatMap((n) => (n.fixed ? [boxAt(n, n.fixed)] : [])),
      nodes.flatMap((n) => (n.fixed ? [] : [boxAt(n, cy.$id(key.get(n.id)!).position())])),
    );
    const placed = (n: LayoutNode): Point => {
      const centre = moved.get(n.id)!;
      return { x: centre.x - offset(n).x, y: centre.y - offset(n).y };
    };
    return new Map(nodes.map((n) => [n.id, n.fixed ? { ...n.fixed } : placed(n)] as const));
  } finally {
    Math.random = random;
    cy.destroy();
  }
}
