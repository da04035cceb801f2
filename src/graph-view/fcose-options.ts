/** The fCoSE settings of every layout (layout-core.ts runs them, in the worker or in place). */
import type cytoscape from 'cytoscape';
import type { Point } from '../store/view-state';

export function fcoseOptions(options: {
  randomize: boolean;
  fixed: Array<{ nodeId: string; position: Point }>;
}): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: options.randomize,
    animate: false,
    fit: false,
    // The nodes laid out are boxes measured with their labels already.
    nodeDimensionsIncludeLabels: false,
    // Hubs in this kind of graph pull everything into a knot; strong repulsion and long edges untangle it.
    idealEdgeLength: () => 150,
    nodeRepulsion: () => 60000,
    edgeElasticity: () => 0.25,
    gravity: 0.12,
    gravityRange: 2.4,
    nodeSeparation: 110,
    numIter: 2500,
    ...(options.fixed.length > 0 ? { fixedNodeConstraint: options.fixed } : {}),
  } as cytoscape.LayoutOptions;
}
