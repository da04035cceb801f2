/** Marks the connection finder's highlighted path on the canvas (and dims the rest), and brings it into view when it changes. */
import type { Core } from 'cytoscape';
import { drawnEdgeId } from '../model/core/parallel-relations';
import { drawnFrom, selectDrawing } from '../store/selectors';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';
import { setClass } from './classes';

export function bindPaths(cy: Core, store: ThreadlineStore): () => void {
  let shown: unknown = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    const s = store.getState();
    const { highlightedPath: path } = s;
    // A path step through a bundled pair lights the pair's one edge.
    const drawing = selectDrawing(s);
    const onPath = cy.collection();
    if (path) {
      const relationEdges = path.relationIds.map((id) => drawnEdgeId(drawing, id));
      for (const id of [...path.entityIds, ...relationEdges]) onPath.merge(cy.getElementById(id));
    }
    const all = cy.elements();
    cy.batch(() => {
      setClass(all, 'is-path', onPath);
      setClass(all, 'is-off-path', onPath.empty() ? cy.collection() : all.difference(onPath));
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
  const unsubscribe = watch(store, (s) => [s.highlightedPath, ...drawnFrom(s)], apply);
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
