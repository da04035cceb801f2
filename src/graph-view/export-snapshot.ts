/**
 * Image exports draw the store's view on a Cytoscape instance of their own, offscreen, in the export look
 * (numbered labels, nothing faded, zoom 1), and destroy it when done: the canvas on screen is never restyled,
 * re-zoomed or panned by an export.
 */
import cytoscape, { type Core } from 'cytoscape';
import type { Subgraph } from '../model/core/subgraph';
import type { Bounds, Scene } from '../model/export/scene';
import type { ThreadlineState } from '../store/store';
import { exportElements } from './export-look';
import { placeQuotes } from './place-quotes';
import { sceneFromCy } from './scene-from-cy';
import { stylesheet } from './stylesheet';

export interface ExportSnapshot {
  /** The drawing's box in model coordinates, labels included: what the PNG covers. */
  readonly bounds: Bounds;
  /** Everything drawn, read out for the SVG writer and the PNG's icons. */
  readonly scene: Scene;
  /**
   * The drawing rasterised within maxWidth × maxHeight pixels, whatever the screen's pixel ratio (icons left
   * out); without its labels when a page export places them itself.
   */
  image(maxWidth: number, maxHeight: number, options?: { labels: boolean }): HTMLCanvasElement;
  /** Destroys the offscreen instance; call it once the snapshot has been used. */
  dispose(): void;
}

/**
 * The renderer's rasteriser, which `cy.png()` encodes to a PNG; @types/cytoscape leaves it out. The export
 * draws its canvas straight into the composed image, rather than encoding a PNG here to decode it there.
 */
interface Rasterising {
  renderer(): {
    bufferCanvasImage(options: { full: boolean; maxWidth: number; maxHeight: number }): HTMLCanvasElement;
  };
}

/** A snapshot of the store's view in the export look, or null when nothing would be drawn. */
export function exportSnapshot(
  live: Core,
  state: ThreadlineState,
  numbers: ReadonlyMap<string, number>,
  part?: Subgraph,
): ExportSnapshot | null {
  const elements = exportElements(live, state, numbers, part);
  // Cytoscape draws (and measures labels) only with a container; this one stays out of sight and out of reach.
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText =
    'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;pointer-events:none';
  document.body.append(container);
  let cy: Core | undefined;
  const dispose = () => {
    cy?.destroy();
    container.remove();
  };
  try {
    cy = cytoscape({
      container,
      style: stylesheet(),
      elements,
      // Entities stand where the store has them; Cytoscape would otherwise lay them out on a grid.
      layout: { name: 'preset' },
      zoom: 1,
      pan: { x: 0, y: 0 },
    });
    placeQuotes(cy);
    const drawn = cy.elements(':visible');
    if (drawn.nodes().empty()) {
      dispose();
      return null;
    }
    const bb = drawn.boundingBox();
    const bounds: Bounds = { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
    const raster = (cy as unknown as Rasterising).renderer();
    return {
      bounds,
      scene: sceneFromCy(cy, bounds),
      // maxWidth/maxHeight (rather than `scale`) make Cytoscape ignore devicePixelRatio, so sizes are the same on every screen.
      image: (maxWidth, maxHeight, options = { labels: true }) => {
        // The bounds were read with the labels, so the drawing keeps its place and scale without them. Restyling
        // lets Cytoscape draw the icons it has loaded by now, over the ones the page paints: those go too.
        if (!options.labels)
          cy!
            .style()
            .selector('node, edge')
            .style({ 'text-opacity': 0, 'background-image-opacity': 0 })
            .update();
        return raster.bufferCanvasImage({ full: true, maxWidth, maxHeight });
      },
      dispose,
    };
  } catch (e) {
    // Nothing offscreen outlives a failed snapshot.
    dispose();
    throw e;
  }
}
