/** The explored subgraph as plain data: which entities are shown, who brought them in, and where they sit. */

export interface Point {
  x: number;
  y: number;
}

/**
 * Which entities are on the canvas and why. The store keeps it apart from positions, so a drag (which moves
 * nodes but shows nothing new) leaves this object, and everything derived from it, as it was.
 */
export interface Visibility {
  /** Entity ids on the canvas. Relations among them are derived, never stored. */
  visible: ReadonlySet<string>;
  /** For entities added by expanding a node: that node's id (what "Collapse" undoes). */
  addedBy: ReadonlyMap<string, string>;
}

/** Where each visible entity sits; entities without a position are placed by the next layout. */
export type Positions = ReadonlyMap<string, Point>;

/** A whole view, as exploring steps, links and saved views handle it: what is shown and where. */
export interface ViewState extends Visibility {
  positions: Positions;
}

/** A pair is two entities with several relations between them, by `pairId`; the inspector lists them. */
export type Selection =
  { kind: 'entity'; id: string } | { kind: 'relation'; id: string } | { kind: 'pair'; id: string } | null;

export const EMPTY_VIEW: ViewState = { visible: new Set(), addedBy: new Map(), positions: new Map() };
