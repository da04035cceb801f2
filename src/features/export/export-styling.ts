/** Puts the canvas in its export look for the length of a synchronous call: numbered relation labels (a bundled edge lists its members' numbers), nothing faded, labels at full size. */
import type { Core, EdgeSingular } from 'cytoscape';
import { citationRanges } from '../../model/export/citation-ranges';

/**
 * Runs `fn` with every numbered relation labelled "[n] label", faded elements unfaded and the zoom at 1
 * (Cytoscape hides labels that are small at the current zoom, even in a full-graph PNG), then puts
 * everything back. The screen never shows the change: Cytoscape repaints on the next frame, after this returns.
 */
export function withExportStyling<T>(cy: Core, numbers: ReadonlyMap<string, number>, fn: () => T): T {
  const viewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  const faded = cy.elements('.is-faded');
  const numbersOf = (e: EdgeSingular): number[] => {
    const members: unknown = e.data('relationIds');
    const ids = Array.isArray(members) ? members.filter((m): m is string => typeof m === 'string') : [e.id()];
    return ids.flatMap((id) => numbers.get(id) ?? []);
  };
  const numbered = cy.edges().filter((e) => numbersOf(e).length > 0);
  cy.startBatch();
  faded.removeClass('is-faded');
  numbered.forEach((e) => {
    const label = String(e.data('label') ?? '');
    e.style('label', `[${citationRanges(numbersOf(e))}] ${label}`);
  });
  cy.endBatch();
  cy.viewport({ zoom: 1, pan: viewport.pan });
  try {
    return fn();
  } finally {
    cy.startBatch();
    numbered.forEach((e) => {
      e.removeStyle('label');
    });
    faded.addClass('is-faded');
    cy.endBatch();
    cy.viewport(viewport);
  }
}
