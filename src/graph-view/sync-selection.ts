/** Emphasises the selection and its neighbourhood and fades the rest, by classes only. */
import type { Core, EdgeCollection } from 'cytoscape';
import { evidenceKey } from '../model/core/graphology-model';
import { drawnEdgeId, pairEnds } from '../model/core/parallel-relations';
import { drawnFrom, selectDrawing } from '../store/selectors';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';

export function bindSelection(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => {
    const s = store.getState();
    const { selection, model } = s;
    const shown = selectedEdges(cy, store);
    cy.batch(() => {
      cy.elements().removeClass('is-selected is-faded');
      if (!selection || !model) return;
      if (selection.kind === 'entity') {
        const node = cy.getElementById(selection.id);
        if (node.empty()) return;
        node.addClass('is-selected');
        const keep = node.closedNeighborhood();
        cy.elements().difference(keep.union(keep.connectedNodes())).addClass('is-faded');
        return;
      }
      if (!shown || shown.empty()) return;
      shown.addClass('is-selected');
      const keep = shown.union(shown.connectedNodes());
      const r = selection.kind === 'relation' ? model.relations.get(selection.id) : undefined;
      r?.evidence.forEach((q) =>
        keep.merge(
          cy
            .getElementById(evidenceKey(r.id, q, r.source))
            .union(cy.getElementById(evidenceKey(r.id, q, r.target))),
        ),
      );
      cy.elements().difference(keep.union(keep.connectedNodes())).addClass('is-faded');
    });
    centreIfOffscreen(cy, shown?.nonempty() ? shown[0]!.id() : selection?.id);
  };
  apply();
  // After the elements' own watcher (bound first), so the emphasis lands on what is drawn now.
  return watch(store, (s) => [s.selection, ...drawnFrom(s)], apply);
}

/**
 * The canvas edges that stand for a selected relation or pair: the relation's own edge, or the bundle it is
 * drawn in; for a pair, its bundle, or every relation between the two when they are drawn apart.
 */
function selectedEdges(cy: Core, store: ThreadlineStore): EdgeCollection | null {
  const s = store.getState();
  const { selection } = s;
  if (selection?.kind === 'relation') {
    return cy.getElementById(drawnEdgeId(selectDrawing(s), selection.id)).edges();
  }
  if (selection?.kind === 'pair') {
    const ends = pairEnds(selection.id);
    if (!ends) return null;
    return cy
      .getElementById(ends[0])
      .edgesWith(cy.getElementById(ends[1]))
      .filter((e) => e.data('kind') !== 'evidence');
  }
  return null;
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
