/**
 * fCoSE on a headless Cytoscape, given the entities' measured boxes and the links between them; the
 * layout worker runs it, and so does the main thread when no worker can start.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Point } from '../store/view-state';
import { fcoseOptions } from './fcose-options';
import type { LayoutRequest } from './layout-protocol';

cytoscape.use(fcose);

export function layoutPositions({
  nodes,
  links,
  randomize,
}: Omit<LayoutRequest, 'id'>): Array<[string, Point]> {
  // fCoSE keys its own tables by node id in plain objects, where an id such as "constructor" finds
  // Object.prototype's member instead of a node: it is handed indices as ids, and the real ids come back.
  const key = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements: [
      ...nodes.map((n, i) => ({
        group: 'nodes' as const,
        data: { id: `n${i}`, width: n.width, height: n.height },
        ...(n.fixed ? { position: { ...n.fixed } } : {}),
      })),
      ...links.flatMap(([source, target], i) => {
        const s = key.get(source);
        const t = key.get(target);
        return s && t ? [{ group: 'edges' as const, data: { id: `l${i}`, source: s, target: t } }] : [];
      }),
    ],
  });
  try {
    const fixed = nodes.flatMap((n, i) => (n.fixed ? [{ nodeId: `n${i}`, position: n.fixed }] : []));
    cy.layout(fcoseOptions({ randomize, fixed, sizedWithLabels: true })).run();
    return nodes.map((n, i) => [n.id, { ...cy.$id(`n${i}`).position() }]);
  } finally {
    cy.destroy();
  }
}
