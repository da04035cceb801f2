/** The fCoSE settings of every layout, on the main thread or in the worker, so both draw the same picture. */
import type cytoscape from 'cytoscape';
import type { Point } from '../store/view-state';

export function fcoseOptions(options: {
  randomize: boolean;
  fixed: Array<{ nodeId: string; position: Point }>;
  /** True when node sizes already include their labels (the worker's nodes are boxes measured for it). */
  sizedWithLabels: boolean;
}): cytoscape.LayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: options.randomize,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: !options.sizedWithLabels,
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
