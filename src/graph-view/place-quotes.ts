/** Places quote nodes beside the relations they support, without moving any entity. */
import type { Core, NodeSingular } from 'cytoscape';
import type { Point } from '../store/view-state';
import { isPlaced, setPlaced } from './placed';

/**
 * A quote sits just off the midpoint of the first relation it backs, on the perpendicular; several
 * quotes beside one drawn edge fan out along it. No layout run: entities the user placed stay put.
 */
export function placeQuotes(cy: Core): void {
  const perRelation = new Map<string, number>();
  cy.batch(() => {
    cy.nodes('[kind = "quote"]').forEach((q: NodeSingular) => {
      if (isPlaced(q)) return;
      const relationId = q.connectedEdges('[kind = "evidence"]').first().data('relationId') as
        string | undefined;
      const ends = q.neighborhood('node[kind = "entity"]').nodes();
      // The relation's own edge, or the one its pair's relations are drawn as.
      const own = relationId ? cy.$id(relationId) : cy.collection();
      const edge = own.nonempty()
        ? own
        : ends
            .first()
            .edgesWith(ends.last())
            .filter((e) => e.data('kind') === 'bundle');
      if (edge.empty() && ends.empty()) return;
      const a = (ends.first() as NodeSingular).position();
      const b = (ends.last() as NodeSingular).position();
      const mid = edge.nonempty() ? edge.edges()[0]!.midpoint() : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      // Quotes beside one drawn edge fan out along it, whichever of its relations they back.
      const slot = edge.nonempty() ? edge.first().id() : (relationId ?? '');
      const nth = perRelation.get(slot) ?? 0;
      perRelation.set(slot, nth + 1);
      q.position(quoteSpot(a, b, mid, nth));
      setPlaced(q, true);
    });
  });
}

/**
 * Where the `nth` quote beside the edge from `a` to `b` goes: off its midpoint on the perpendicular, on
 * alternate sides, each second quote a step further out, so a pair drawn for many relations keeps its
 * quotes close on both sides and none on the edge or on another quote.
 */
export function quoteSpot(a: Point, b: Point, mid: Point, nth: number): Point {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const away = (26 + 18 * Math.floor(nth / 2)) * (nth % 2 === 0 ? 1 : -1);
  return { x: mid.x + (-(b.y - a.y) / len) * away, y: mid.y + ((b.x - a.x) / len) * away };
}
