/**
 * Whether an entity stands where the store (or a finished layout) put it, kept in its scratch. Cytoscape
 * restyles an element whenever its scratch is set, even to what it was: set at every step on every node,
 * it restyled the whole drawing and re-measured every edge for an expansion that added fifty nodes.
 */
import type { NodeSingular } from 'cytoscape';

const KEY = '_placed';

export const isPlaced = (n: NodeSingular): boolean => n.scratch(KEY) === true;

export function setPlaced(n: NodeSingular, placed: boolean): void {
  if (n.scratch(KEY) !== placed) n.scratch(KEY, placed);
}
