/** Puts the canvas in its export look for the length of a synchronous call: numbered relation labels, nothing faded, labels at full size. */
import type { Core } from 'cytoscape';

/**
 * Runs `fn` with every numbered relation labelled "[n] label", faded elements unfaded and the zoom at 1
 * (Cytoscape hides labels that are small at the current zoom, even in a full-graph PNG), then puts
 * everything back. The screen never shows the change: Cytoscape repaints on the next frame, after this returns.
 */
export function withExportStyling<T>(cy: Core, numbers: ReadonlyMap<string, number>, fn: () => T): T {
  const viewport = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  const faded = cy.elements('.is-faded');
  const numbered = cy.edges().filter((e) => numbers.has(e.id()));
  cy.startBatch();
  faded.removeClass('is-faded');
  numbered.forEach((e) => {
    const label = String(e.data('label') ?? '');
    e.style('label', `[${numbers.get(e.id())}] ${label}`);
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
