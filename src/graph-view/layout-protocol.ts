/** Messages between the canvas and the layout worker: the entities with their drawn sizes and the links between them, and back their positions. */
import type { Point } from '../store/view-state';

export interface LayoutNode {
  id: string;
  /** The node's box with its label, as drawn, so the layout keeps labels apart too. */
  width: number;
  height: number;
  /** Where the box's centre sits from the node's position (a label below the node makes it hang lower). */
  offset?: Point;
  /** Where a node the user has already placed must stay. */
  fixed?: Point;
}

export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  /** One per pair of linked entities is enough: the layout pulls linked nodes together, once or many times. */
  links: Array<[string, string]>;
  randomize: boolean;
}

export type LayoutResponse =
  { id: number; positions: Array<[string, Point]> } | { id: number; error: string };
