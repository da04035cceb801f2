/** Turns canvas gestures into store actions; every handler bound here is unbound by the returned function. */
import type { Core, EventObject } from 'cytoscape';
import type { ThreadlineStore } from '../store/store';
import type { Point } from '../store/view-state';

export function bindGestures(cy: Core, store: ThreadlineStore): () => void {
  const actions = () => store.getState();
  const onTapNode = (e: EventObject) => {
    const n = e.target;
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
    if (e.target === cy) actions().clearSelection();
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
  return () => {
    cy.off('tap', 'node', onTapNode);
    cy.off('tap', 'edge', onTapEdge);
    cy.off('tap', onTapBackground);
    cy.off('dbltap', 'node', onDblTap);
    cy.off('dragfree', 'node', onDragFree);
  };
}
