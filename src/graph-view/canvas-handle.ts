/**
 * The canvas's one face to the rest of the app: what panels, exports, view restoring and automation may ask
 * of the drawing. Nothing outside src/graph-view/ imports Cytoscape or holds its core; they hold this.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import type { Subgraph } from '../model/core/subgraph';
import type { ThreadlineStore } from '../store/store';
import type { Point } from '../store/view-state';
import { exportSnapshot, type ExportSnapshot } from './export-snapshot';
import { layoutPending } from './layout';

export type { ExportSnapshot };

/**
 * The live Cytoscape core, handed to automation (window.threadline.cy) for tests and scripts to read. App
 * code passes it along and never calls it: the view changes through store actions.
 */
export type CanvasCore = Core;

export interface CanvasHandle {
  /** Frames everything drawn, leaving `padding` pixels free at the edges. */
  fit(padding: number): void;
  /** Moves the camera so an element is in the middle of the canvas; an id not drawn is ignored. */
  centreOn(id: string): void;
  /** Where an element is drawn, in page pixels, or null when it is not drawn. */
  pagePosition(id: string): Point | null;
  /** The id of the element a click at this page point would hit, or null for the background. */
  hitTest(page: Point): string | null;
  /**
   * True when what is drawn is final: no layout running or awaited, nothing animating, every entity where
   * the store has it.
   */
  settled(): boolean;
  /**
   * The store's view drawn apart from the screen in the export look, for image exports, or null when the
   * view is empty. `numbers` are the relations' citation numbers; `part` (a selection, a path) is drawn
   * instead of the whole view. Call `dispose()` on it when done.
   */
  snapshot(numbers: ReadonlyMap<string, number>, part?: Subgraph): ExportSnapshot | null;
  /** For automation only (see CanvasCore). */
  readonly core: CanvasCore;
}

/** The renderer's own hit test, which @types/cytoscape leaves out; it takes model coordinates. */
interface HitTesting {
  renderer(): {
    findNearestElement(
      x: number,
      y: number,
      interactive: boolean,
      touch: boolean,
    ): SingularElementArgument | null;
  };
}

export function createCanvasHandle(cy: Core, store: ThreadlineStore): CanvasHandle {
  const pageBox = () => cy.container()!.getBoundingClientRect();
  return {
    fit(padding) {
      cy.fit(undefined, padding);
    },
    centreOn(id) {
      const el = cy.getElementById(id);
      if (el.nonempty()) cy.center(el);
    },
    pagePosition(id) {
      const el = cy.getElementById(id);
      if (el.empty()) return null;
      const box = pageBox();
      const edge = el.edges()[0];
      const p = edge ? edge.renderedMidpoint() : el.nodes()[0]!.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    hitTest(page) {
      const box = pageBox();
      const pan = cy.pan();
      const zoom = cy.zoom();
      const x = (page.x - box.left - pan.x) / zoom;
      const y = (page.y - box.top - pan.y) / zoom;
      const hit = (cy as unknown as HitTesting).renderer().findNearestElement(x, y, true, false);
      return hit ? hit.id() : null;
    },
    settled() {
      if (cy.destroyed() || layoutPending(cy) || cy.animated()) return false;
      // A container resized (a panel opened, the window changed) that the canvas has not caught up with yet:
      // its ResizeObserver is about to move the view.
      const box = cy.container();
      if (box && (box.clientWidth !== cy.width() || box.clientHeight !== cy.height())) return false;
      const { positions } = store.getState();
      const away = cy.nodes('[kind = "entity"]').filter((n) => {
        const want = positions.get(n.id());
        const at = n.position();
        return want === undefined || Math.abs(at.x - want.x) > 0.5 || Math.abs(at.y - want.y) > 0.5;
      });
      return away.empty();
    },
    snapshot(numbers, part) {
      return exportSnapshot(cy, store.getState(), numbers, part);
    },
    core: cy,
  };
}
