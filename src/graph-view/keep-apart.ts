/** Moves entities a step placed by itself (see `guessedPositions` in the store) off the nodes already drawn. */
import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../store/view-state';
import { AWAITING_LAYOUT } from './layout';
import { separateBoxes, type Box } from './separate-boxes';

/** A node's drawn box with its label, and how far its position sits from the box's centre. */
function boxOf(n: NodeSingular): Box & { dx: number; dy: number } {
  const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
  const centre = { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 };
  const at = n.position();
  return { id: n.id(), ...centre, width: b.w, height: b.h, dx: at.x - centre.x, dy: at.y - centre.y };
}

/**
 * The store places new neighbours on rings without knowing how big nodes are drawn, so one could cover
 * another and a click on it hit the wrong node. Returns the new positions of the entities it moved.
 */
export function keepApart(cy: Core, guessed: ReadonlySet<string>): Map<string, Point> {
  const moved = new Map<string, Point>();
  if (guessed.size === 0) return moved;
  const entities = cy.nodes('[kind = "entity"]').not(`.${AWAITING_LAYOUT}`);
  const fixed: Box[] = [];
  const moving: Array<Box & { dx: number; dy: number }> = [];
  entities.forEach((n) => {
    if (guessed.has(n.id())) moving.push(boxOf(n));
    else fixed.push(boxOf(n));
  });
  // In id order, so the same step moves the same nodes the same way.
  moving.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spots = separateBoxes(fixed, moving);
  cy.batch(() => {
    for (const m of moving) {
      const spot = spots.get(m.id)!;
      if (spot.x === m.x && spot.y === m.y) continue;
      const p = { x: spot.x + m.dx, y: spot.y + m.dy };
      cy.$id(m.id).position(p);
      moved.set(m.id, p);
    }
  });
  return moved;
}
