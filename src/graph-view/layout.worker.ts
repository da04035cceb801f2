/**
 * Runs fCoSE off the main thread on a headless Cytoscape: laying out a few hundred elements took hundreds of
 * milliseconds in one task, most of it Cytoscape measuring edges and labels the layout does not need.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions } from './fcose-options';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

cytoscape.use(fcose);

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, nodes, links, randomize } = e.data;
  const post = (message: LayoutResponse) => self.postMessage(message);
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
      elements: [
        ...nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, width: n.width, height: n.height },
          ...(n.fixed ? { position: { ...n.fixed } } : {}),
        })),
        ...links.map(([source, target], i) => ({
          group: 'edges' as const,
          data: { id: `l${i}`, source, target },
        })),
      ],
    });
    const fixed = nodes.flatMap((n) => (n.fixed ? [{ nodeId: n.id, position: n.fixed }] : []));
    cy.layout(fcoseOptions({ randomize, fixed, sizedWithLabels: true })).run();
    post({ id, positions: cy.nodes().map((n) => [n.id(), { ...n.position() }]) });
    cy.destroy();
  } catch (err) {
    post({ id, error: String(err) });
  }
};
