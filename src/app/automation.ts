/** `window.threadline`: read-only access to the canvas and the store, and the store's actions, for tests and scripts. */
import type { ThreadlineActions, ThreadlineState, ThreadlineStore } from '../store/store';
import type { Point } from '../store/view-state';
import { exportImage } from '../features/export/export-image';
import { DEFAULT_IMAGE_OPTIONS, type ImageOptions } from '../features/export/image-options';
import type { CanvasCore, CanvasHandle } from '../graph-view/canvas-handle';
import { createAutosave, type Autosave } from '../data/draft-autosave';
import * as draftsDb from '../data/drafts-db';
import { intakeBytes, type IntakeResult } from '../data/source-intake';
import type { Draft } from '../model/authoring/draft';
import { draftFromZip, draftToZip } from '../model/authoring/draft-files-zip';
import { harnessDraft, mountHarness } from './build-io-harness';
import type { DraftFromFilesResult } from '../model/authoring/draft-files';

export interface ThreadlineAutomation {
  /** The Cytoscape core, once the canvas exists. Read it; change the view through `actions`. */
  readonly cy: CanvasCore | null;
  getState(): ThreadlineState;
  readonly actions: ThreadlineActions;
  /**
   * True when what is drawn is final: the canvas is ready, no layout is running or awaited, nothing is
   * animating, and every entity is drawn where the store has it. Wait on it before clicking or reading
   * positions; a layout finishing later would move what was read.
   */
  settled(): boolean;
  /** Where an element is drawn, in page pixels (for clicking it), or null when it is not drawn. */
  pagePosition(id: string): Point | null;
  /** The id of the element a click at this page point would hit, or null (background, or no canvas yet). */
  hitTest(page: Point): string | null;
  /** Moves the camera (not the view) so an element is in the middle of the canvas, e.g. before clicking it. */
  centreOn(id: string): void;
  /** Renders the drawn view as the Export menu would (same code), returned base64-encoded for scripts (the CLI). */
  exportImage(options?: Partial<ImageOptions>): Promise<ExportedImage>;
  /** Getting drafts, sources and dataset zips in and out, as the Build workspace does (bytes as base64). */
  readonly io: ThreadlineIo;
}

export interface ThreadlineIo {
  saveDraft(draft: Draft): Promise<void>;
  listDrafts(): Promise<draftsDb.DraftSummary[]>;
  loadDraft(key: string): Promise<Draft | undefined>;
  deleteDraft(key: string): Promise<void>;
  /** Saves as the workspace does while it is edited: debounced, written at once when the page goes. */
  autosave(draft: Draft): void;
  /** A source file as the add-source dialog reads it. */
  intakeFile(name: string, base64: string, type?: string): IntakeResult;
  draftToZip(draft: Draft): string;
  draftFromZip(base64: string, name: string): DraftFromFilesResult;
  /** Mounts the in-and-out pieces around `draft` over the explorer (a bench for tests; see build-io-harness.tsx). */
  harness(draft: Draft): Promise<void>;
  /** The harness's draft as it is now. */
  harnessDraft(): Promise<Draft | null>;
}

export interface ExportedImage {
  fileName: string;
  mime: string;
  width: number;
  height: number;
  scale: number;
  base64: string;
  /** A page export's further pages, each as its own file. */
  more: Array<{ fileName: string; base64: string }>;
}

async function toBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

let autosaver: Autosave | undefined;

const io: ThreadlineIo = {
  saveDraft: draftsDb.saveDraft,
  listDrafts: draftsDb.listDrafts,
  loadDraft: draftsDb.loadDraft,
  deleteDraft: draftsDb.deleteDraft,
  autosave: (draft) => (autosaver ??= createAutosave()).schedule(draft),
  intakeFile: (name, base64, type) => intakeBytes(name, fromBase64(base64), type),
  draftToZip: (draft) => bytesToBase64(draftToZip(draft)),
  draftFromZip: (base64, name) =>
    draftFromZip(fromBase64(base64), { key: draftsDb.newDraftKey(), label: name }),
  // Imported statically: a chunk of its own would pull zod into a chunk the page loads before
  // main.tsx switches zod's eval probe off, and the Content-Security-Policy would report it.
  harness: async (draft) => mountHarness(draft),
  harnessDraft: async () => harnessDraft(),
};

declare global {
  interface Window {
    threadline?: ThreadlineAutomation;
  }
}

export function installAutomation(store: ThreadlineStore, getCanvas: () => CanvasHandle | null): () => void {
  const api: ThreadlineAutomation = {
    get cy() {
      return getCanvas()?.core ?? null;
    },
    getState: () => store.getState(),
    get actions() {
      return store.getState();
    },
    settled: () => getCanvas()?.settled() ?? false,
    pagePosition: (id) => getCanvas()?.pagePosition(id) ?? null,
    hitTest: (page) => getCanvas()?.hitTest(page) ?? null,
    centreOn: (id) => getCanvas()?.centreOn(id),
    async exportImage(options = {}) {
      const canvas = getCanvas();
      if (!canvas) throw new Error('the canvas is not ready');
      const file = await exportImage(canvas, store.getState(), { ...DEFAULT_IMAGE_OPTIONS, ...options });
      const { blob, more, ...rest } = file;
      const pages = await Promise.all(
        more.map(async (p) => ({ fileName: p.fileName, base64: await toBase64(p.blob) })),
      );
      return { ...rest, base64: await toBase64(blob), more: pages };
    },
    io,
  };
  window.threadline = Object.freeze(api);
  return () => {
    if (window.threadline === api) delete window.threadline;
  };
}
