/** Turns canvas gestures into store actions; every handler bound here is unbound by the returned function. */
import type { Core, EventObject } from 'cytoscape';
import type { ThreadlineStore } from '../store/store';
import type { Point } from '../store/view-state';

/** Shift, Ctrl or Cmd held: a click adds to (or takes from) the entities marked together. */
const addsToMarks = (e: EventObject): boolean => {
  const o = e.originalEvent as MouseEvent | undefined;
  return !!o && (o.shiftKey || o.ctrlKey || o.metaKey);
};

export function bindGestures(cy: Core, store: ThreadlineStore): () => void {
  const actions = () => store.getState();
  const onTapNode = (e: EventObject) => {
    const n = e.target;
    if (n.data('kind') === 'entity' && addsToMarks(e)) return actions().mark([n.id()], 'toggle');
    if (n.data('kind') === 'quote') {
      const q = actions().model?.quotes.get(n.data('quoteId'));
      if (q) actions().openReader(q.sourceId, q.id);
    } else actions().selectEntity(n.id());
  };
  const onTapEdge = (e: EventObject) => {
    const edge = e.target;
    const kind: unknown = edge.data('kind');
    if (kind === 'bundle') actions().selectPair(edge.source().id(), edge.target().id());
    else actions().selectRelation(kind === 'evidence' ? edge.data('relationId') : edge.id());
  };
  const onTapBackground = (e: EventObject) => {
    if (e.target !== cy) return;
    actions().clearSelection();
    if (!addsToMarks(e)) actions().clearMarks();
  };
  // A box drawn with a modifier held (or in box mode) marks the entities inside it. Cytoscape's own
  // selection state is only the box's vehicle: the store holds what is marked, so it is cleared at once.
  let boxed: string[] = [];
  const onBoxSelect = (e: EventObject) => {
    if (e.target.data('kind') === 'entity') boxed.push(e.target.id());
  };
  const onBoxEnd = () => {
    // Cytoscape reports the box's elements just after the box ends.
    setTimeout(() => {
      if (cy.destroyed()) return;
      cy.elements(':selected').unselect();
      if (boxed.length > 0) actions().mark(boxed, 'add');
      boxed = [];
    }, 0);
  };
  const onDblTap = (e: EventObject) => {
    if (e.target.data('kind') === 'entity') actions().expand(e.target.id());
  };
  const onDragFree = (e: EventObject) => {
    const n = e.target;
    if (n.data('kind') !== 'entity') return;
    actions().recordPositions(new Map<string, Point>([[n.id(), { ...n.position() }]]));
  };
  cy.on('tap', 'node', onTapNode);
  cy.on('tap', 'edge', onTapEdge);
  cy.on('tap', onTapBackground);
  cy.on('dbltap', 'node', onDblTap);
  cy.on('dragfree', 'node', onDragFree);
  cy.on('boxselect', 'node', onBoxSelect);
  cy.on('boxend', onBoxEnd);
  return () => {
    cy.off('boxselect', 'node', onBoxSelect);
    cy.off('boxend', onBoxEnd);
    cy.off('tap', 'node', onTapNode);
    cy.off('tap', 'edge', onTapEdge);
    cy.off('tap', onTapBackground);
    cy.off('dbltap', 'node', onDblTap);
    cy.off('dragfree', 'node', onDragFree);
  };
}
