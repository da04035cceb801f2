/** `window.threadline`: read-only access to the canvas and the store, and the store's actions, for tests and scripts. */
import type { Core } from 'cytoscape';
import type { ThreadlineActions, ThreadlineState, ThreadlineStore } from '../store/store';
import { exportImage } from '../features/export/export-image';
import { DEFAULT_IMAGE_OPTIONS, type ImageOptions } from '../features/export/image-options';
import { layoutPending } from '../graph-view/layout';

export interface ThreadlineAutomation {
  /** The Cytoscape core, once the canvas exists. Read it; change the view through `actions`. */
  readonly cy: Core | null;
  getState(): ThreadlineState;
  readonly actions: ThreadlineActions;
  /**
   * True when what is drawn is final: the canvas is ready, no layout is running or awaited, nothing is
   * animating, and every entity is drawn where the store has it. Wait on it before clicking or reading
   * positions; a layout finishing later would move what was read.
   */
  settled(): boolean;
  /** Where an element is drawn, in page pixels (for clicking it), or null when it is not drawn. */
  pagePosition(id: string): { x: number; y: number } | null;
  /** Renders the drawn view as the Export menu would (same code), returned base64-encoded for scripts (the CLI). */
  exportImage(options?: Partial<ImageOptions>): Promise<ExportedImage>;
}

export interface ExportedImage {
  fileName: string;
  mime: string;
  width: number;
  height: number;
  scale: number;
  base64: string;
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
    settled() {
      const cy = getCy();
      if (!cy || layoutPending(cy) || cy.animated()) return false;
      const { positions } = store.getState();
      const away = cy.nodes('[kind = "entity"]').filter((n) => {
        const want = positions.get(n.id());
        const at = n.position();
        return want === undefined || Math.abs(at.x - want.x) > 0.5 || Math.abs(at.y - want.y) > 0.5;
      });
      return away.empty();
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
    async exportImage(options = {}) {
      const cy = getCy();
      if (!cy) throw new Error('the canvas is not ready');
      const file = await exportImage(cy, store.getState(), { ...DEFAULT_IMAGE_OPTIONS, ...options });
      const { blob, ...rest } = file;
      return { ...rest, base64: await toBase64(blob) };
    },
  };
  window.threadline = Object.freeze(api);
  return () => {
    if (window.threadline === api) delete window.threadline;
  };
}
