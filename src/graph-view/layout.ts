/** Layouts: fCoSE for the whole view, or fCoSE around fixed nodes when only some are new. */
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
  if (cy.nodes().empty()) return;
  const fixed = options.full
    ? []
    : entities.filter((n) => n.scratch('_placed') === true || n.position().x !== 0 || n.position().y !== 0);
  // New quote nodes start between the entities they support, so the constrained layout only nudges them.
  cy.nodes('[kind = "quote"]').forEach((q: NodeSingular) => {
    const ends = q.neighborhood('node');
    if (ends.nonempty()) {
      const bb = ends.boundingBox();
      q.position({ x: (bb.x1 + bb.x2) / 2 + 12, y: (bb.y1 + bb.y2) / 2 + 12 });
    }
  });
  const layout = cy.layout({
    name: 'fcose',
    quality: 'default',
    randomize: options.full,
    animate: false,
    fit: options.fit,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 120,
    nodeRepulsion: () => 9000,
    nodeSeparation: 90,
    ...(fixed.length > 0 && fixed.length < cy.nodes().length
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
