/** Emphasises the selection and its neighbourhood and fades the rest, by classes only. */
import type { Core } from 'cytoscape';
import { evidenceKey } from '../model/graph';
import type { ThreadlineStore } from '../store/store';

export function bindSelection(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => {
    const { selection, model } = store.getState();
    cy.batch(() => {
      cy.elements().removeClass('is-selected is-faded');
      if (!selection || !model) return;
      const el = cy.getElementById(selection.id);
      if (el.empty()) return;
      el.addClass('is-selected');
      const keep =
        selection.kind === 'entity'
          ? cy.$id(selection.id).closedNeighborhood()
          : el.union(cy.$id(selection.id).connectedNodes());
      if (selection.kind === 'relation') {
        const r = model.relations.get(selection.id);
        r?.evidence.forEach((q) =>
          keep.merge(
            cy
              .getElementById(evidenceKey(r.id, q, r.source))
              .union(cy.getElementById(evidenceKey(r.id, q, r.target))),
          ),
        );
      }
      cy.elements().difference(keep.union(keep.connectedNodes())).addClass('is-faded');
    });
    centreIfOffscreen(cy, selection?.id);
  };
  apply();
  return store.subscribe((s, prev) => {
    if (
      s.selection !== prev.selection ||
      s.view !== prev.view ||
      s.showEvidence !== prev.showEvidence ||
      s.filters !== prev.filters
    )
      apply();
  });
}

/** Brings a selected element into view without moving the camera when it is already visible. */
export function centreIfOffscreen(cy: Core, id: string | undefined) {
  if (!id) return;
  const el = cy.getElementById(id);
  if (el.empty()) return;
  const box = el.renderedBoundingBox();
  const margin = 30;
  if (box.x1 < margin || box.y1 < margin || box.x2 > cy.width() - margin || box.y2 > cy.height() - margin) {
    cy.animate({ center: { eles: el } }, { duration: 250 });
  }
}
