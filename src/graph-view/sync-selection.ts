/** Emphasises the selection and its neighbourhood and fades the rest, by classes only. */
import type { Collection, Core, EdgeCollection } from 'cytoscape';
import { evidenceKey } from '../model/core/graphology-model';
import { drawnEdgeId, pairEnds } from '../model/core/parallel-relations';
import { drawnFrom, selectDrawing } from '../store/selectors';
import type { ThreadlineState, ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';
import { setClass } from './classes';

export function bindSelection(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => {
    const s = store.getState();
    const shown = selectedEdges(cy, store);
    const { selected, faded } = emphasis(cy, s, shown);
    const all = cy.elements();
    cy.batch(() => {
      setClass(all, 'is-selected', selected);
      setClass(all, 'is-faded', faded);
    });
    centreIfOffscreen(cy, shown?.nonempty() ? shown[0]!.id() : s.selection?.id);
  };
  apply();
  // After the elements' own watcher (bound first), so the emphasis lands on what is drawn now.
  return watch(store, (s) => [s.selection, ...drawnFrom(s)], apply);
}

/** What the selection marks as selected and what it fades: nothing of either without one. */
function emphasis(
  cy: Core,
  s: ThreadlineState,
  shown: EdgeCollection | null,
): { selected: Collection | EdgeCollection; faded: Collection } {
  const none = { selected: cy.collection(), faded: cy.collection() };
  const { selection, model } = s;
  if (!selection || !model) return none;
  if (selection.kind === 'entity') {
    const node = cy.getElementById(selection.id);
    if (node.empty()) return none;
    const keep = node.closedNeighborhood();
    return { selected: node, faded: cy.elements().difference(keep.union(keep.connectedNodes())) };
  }
  if (!shown || shown.empty()) return none;
  const keep = shown.union(shown.connectedNodes());
  const r = selection.kind === 'relation' ? model.relations.get(selection.id) : undefined;
  r?.evidence.forEach((q) =>
    keep.merge(
      cy
        .getElementById(evidenceKey(r.id, q, r.source))
        .union(cy.getElementById(evidenceKey(r.id, q, r.target))),
    ),
  );
  return { selected: shown, faded: cy.elements().difference(keep.union(keep.connectedNodes())) };
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
