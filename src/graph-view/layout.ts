/** Layouts: fCoSE over the entities for the whole view, or around fixed nodes when only some are new. Quote nodes are placed apart (place-quotes.ts). */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Point } from '../store/view-state';

cytoscape.use(fcose);

interface LayoutOptions {
  /** Lay out everything from scratch (first view, "Re-layout"). */
  full: boolean;
  fit: boolean;
  onDone(positions: Map<string, Point>): void;
}

let running: cytoscape.Layouts | null = null;

export function runLayout(cy: Core, options: LayoutOptions): void {
  running?.stop();
  const entities = cy.nodes('[kind = "entity"]');
  if (entities.empty()) return;
  const fixed = options.full ? cy.collection() : entities.filter((n) => n.scratch('_placed') === true);
  const layout = entities.union(entities.edgesWith(entities)).layout({
    name: 'fcose',
    quality: 'default',
    randomize: options.full,
    animate: false,
    fit: options.fit,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    // Hubs in this kind of graph pull everything into a knot; strong repulsion and long edges untangle it.
    idealEdgeLength: () => 150,
    nodeRepulsion: () => 60000,
    edgeElasticity: () => 0.25,
    gravity: 0.12,
    gravityRange: 2.4,
    nodeSeparation: 110,
    numIter: 2500,
    ...(fixed.length > 0 && fixed.length < entities.length
      ? {
          fixedNodeConstraint: fixed.map((n) => ({
            nodeId: n.id(),
            position: { ...(n as NodeSingular).position() },
          })),
        }
      : {}),
  } as cytoscape.LayoutOptions);
  running = layout;
  layout.one('layoutstop', () => {
    if (running === layout) running = null;
    const positions = new Map<string, Point>();
    entities.forEach((n) => {
      n.scratch('_placed', true);
      positions.set(n.id(), { ...n.position() });
    });
    if (options.fit) cy.fit(undefined, 40);
    options.onDone(positions);
  });
  layout.run();
}
