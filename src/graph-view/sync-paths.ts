/** Marks the connection finder's highlighted path on the canvas (and dims the rest), and brings it into view when it changes. */
import type { Core } from 'cytoscape';
import type { ThreadlineStore } from '../store/store';

export function bindPaths(cy: Core, store: ThreadlineStore): () => void {
  let shown: unknown = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    const { highlightedPath: path } = store.getState();
    const onPath = cy.collection();
    cy.batch(() => {
      cy.elements().removeClass('is-path is-off-path');
      if (!path) return;
      for (const id of [...path.entityIds, ...path.relationIds]) onPath.merge(cy.getElementById(id));
      if (onPath.empty()) return;
      onPath.addClass('is-path');
      cy.elements().difference(onPath).addClass('is-off-path');
    });
    if (path === shown) return;
    shown = path;
    // A newly shown path may have just been added; wait for the layout to place it before framing it.
    clearTimeout(timer);
    if (path && onPath.nonempty())
      timer = setTimeout(() => {
        if (!cy.destroyed()) cy.animate({ fit: { eles: onPath, padding: 70 } }, { duration: 300 });
      }, 60);
  };
  apply();
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.highlightedPath !== prev.highlightedPath ||
      s.view !== prev.view ||
      s.filters !== prev.filters ||
      s.showEvidence !== prev.showEvidence
    )
      apply();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
