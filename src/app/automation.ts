/** `window.threadline`: read-only access to the canvas and the store, and the store's actions, for tests and scripts. */
import type { Core } from 'cytoscape';
import type { ThreadlineActions, ThreadlineState, ThreadlineStore } from '../store/store';

export interface ThreadlineAutomation {
  /** The Cytoscape core, once the canvas exists. Read it; change the view through `actions`. */
  readonly cy: Core | null;
  getState(): ThreadlineState;
  readonly actions: ThreadlineActions;
  /** Where an element is drawn, in page pixels (for clicking it), or null when it is not drawn. */
  pagePosition(id: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    threadline?: ThreadlineAutomation;
  }
}

export function installAutomation(store: ThreadlineStore, getCy: () => Core | null): () => void {
  const api: ThreadlineAutomation = {
    get cy() {
      return getCy();
    },
    getState: () => store.getState(),
    get actions() {
      return store.getState();
    },
    pagePosition(id) {
      const cy = getCy();
      const el = cy?.getElementById(id);
      if (!cy || !el || el.empty()) return null;
      const box = cy.container()!.getBoundingClientRect();
      const p = el.isEdge()
        ? cy.$id(id).edges()[0]!.renderedMidpoint()
        : cy.$id(id).nodes()[0]!.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
  window.threadline = Object.freeze(api);
  return () => {
    if (window.threadline === api) delete window.threadline;
  };
}
