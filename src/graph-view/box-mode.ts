/** Box mode (for touch screens, where no key can be held): a drag on the background draws a selection box. */
import type { Core } from 'cytoscape';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';

export function bindBoxMode(cy: Core, store: ThreadlineStore): () => void {
  const apply = (on: boolean) => {
    // With panning off, Cytoscape starts a box on a plain background drag.
    cy.userPanningEnabled(!on);
    cy.container()?.classList.toggle('is-box-mode', on);
  };
  apply(store.getState().boxMode);
  const unwatch = watch(store, (s) => s.boxMode, apply);
  return () => {
    unwatch();
    apply(false);
  };
}
