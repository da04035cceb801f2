/** Places quote nodes beside the relations they support, without moving any entity. */
import type { Core, NodeSingular } from 'cytoscape';

/**
 * A quote sits just off the midpoint of the first relation it backs, on the perpendicular; several
 * quotes of one relation fan out along it. No layout run: entities the user placed stay put.
 */
export function placeQuotes(cy: Core): void {
  const perRelation = new Map<string, number>();
  cy.batch(() => {
    cy.nodes('[kind = "quote"]').forEach((q: NodeSingular) => {
      if (q.scratch('_placed') === true) return;
      const relationId = q.connectedEdges('[kind = "evidence"]').first().data('relationId') as
        string | undefined;
      const edge = relationId ? cy.$id(relationId) : cy.collection();
      const ends = q.neighborhood('node[kind = "entity"]').nodes();
      if (edge.empty() && ends.empty()) return;
      const a = (ends.first() as NodeSingular).position();
      const b = (ends.last() as NodeSingular).position();
      const mid = edge.nonempty() ? edge.edges()[0]!.midpoint() : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const nth = perRelation.get(relationId ?? '') ?? 0;
      perRelation.set(relationId ?? '', nth + 1);
      const away = 26 + 18 * nth;
      q.position({ x: mid.x + (-(b.y - a.y) / len) * away, y: mid.y + ((b.x - a.x) / len) * away });
      q.scratch('_placed', true);
    });
  });
}
