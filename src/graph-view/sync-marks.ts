/** Shows which entities are marked for acting on together and which are pinned, by classes only. */
import type { Core } from 'cytoscape';
import { drawnFrom } from '../store/selectors';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';

export function bindMarks(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => {
    const { marked, pinned } = store.getState();
    cy.batch(() => {
      cy.nodes('[kind = "entity"]').forEach((n) => {
        n.toggleClass('is-marked', marked.has(n.id()));
        n.toggleClass('is-pinned', pinned.has(n.id()));
      });
    });
  };
  apply();
  return watch(store, (s) => [s.marked, s.pinned, ...drawnFrom(s)], apply);
}
