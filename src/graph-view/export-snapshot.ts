/**
 * Image exports draw the store's view on a Cytoscape instance of their own, offscreen, in the export look
 * (numbered labels, nothing faded, zoom 1), and destroy it when done: the canvas on screen is never restyled,
 * re-zoomed or panned by an export.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { Bounds, Scene } from '../model/export/scene';
import { selectDrawing, selectSubgraph } from '../store/selectors';
import type { ThreadlineState } from '../store/store';
import { toElements } from './elements';
import { withCitationNumbers } from './export-look';
import { AWAITING_LAYOUT } from './layout';
import { placeQuotes } from './place-quotes';
import { sceneFromCy } from './scene-from-cy';
import { stylesheet } from './stylesheet';
import { partlyExpanded } from './sync-elements';

export interface ExportSnapshot {
  /** The drawing's box in model coordinates, labels included: what the PNG covers. */
  readonly bounds: Bounds;
  /** Everything drawn, read out for the SVG writer and the PNG's icons. */
  readonly scene: Scene;
  /** The drawing as a PNG within maxWidth × maxHeight pixels, whatever the screen's pixel ratio. */
  png(maxWidth: number, maxHeight: number): Blob;
  /** Destroys the offscreen instance; call it once the snapshot has been used. */
  dispose(): void;
}

/** Emphasis the export keeps from the screen: everything but fading and the wait for a layout. */
const DROPPED_CLASSES = new Set(['is-faded', AWAITING_LAYOUT]);
/** Node data the analysis features put on the canvas (sizes, community colours), which the store does not hold. */
const ANALYSIS_DATA = ['importance', 'communityColor'] as const;

/**
 * The view's elements as the export draws them: labels numbered, entities where the store has them, the
 * screen's emphasis and analysis data carried over. Entities the store has not placed yet are hidden with
 * their edges, as the screen hides them until their layout answers.
 */
function exportElements(live: Core, state: ThreadlineState, numbers: ReadonlyMap<string, number>) {
  const { model, view } = state;
  if (!model) return [];
  const base = toElements(
    model,
    selectSubgraph(state),
    selectDrawing(state),
    state.showEvidence,
    partlyExpanded(state),
  );
  const unplaced = new Set<string>();
  return withCitationNumbers(base, numbers).map((el): ElementDefinition => {
    const id = el.data.id!;
    const shown = live.getElementById(id);
    const classes = shown.nonempty() ? shown.classes().filter((c) => !DROPPED_CLASSES.has(c)) : [];
    if (el.group === 'edges') {
      const hidden = unplaced.has(el.data.source) || unplaced.has(el.data.target);
      return { ...el, classes: hidden ? [...classes, AWAITING_LAYOUT] : classes };
    }
    const data = { ...el.data };
    for (const key of ANALYSIS_DATA)
      if (shown.nonempty() && shown.data(key) !== undefined) data[key] = shown.data(key);
    if (data.kind !== 'entity') return { ...el, data, classes };
    const at = view.positions.get(id);
    if (!at) unplaced.add(id);
    return {
      ...el,
      data,
      classes: at ? classes : [...classes, AWAITING_LAYOUT],
      position: at ? { x: at.x, y: at.y } : { x: 0, y: 0 },
    };
  });
}

/** A snapshot of the store's view in the export look, or null when nothing would be drawn. */
export function exportSnapshot(
  live: Core,
  state: ThreadlineState,
  numbers: ReadonlyMap<string, number>,
): ExportSnapshot | null {
  const elements = exportElements(live, state, numbers);
  // Cytoscape draws (and measures labels) only with a container; this one stays out of sight and out of reach.
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText =
    'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;pointer-events:none';
  document.body.append(container);
  const cy = cytoscape({
    container,
    style: stylesheet(),
    elements,
    // Entities stand where the store has them; Cytoscape would otherwise lay them out on a grid.
    layout: { name: 'preset' },
    zoom: 1,
    pan: { x: 0, y: 0 },
  });
  const dispose = () => {
    cy.destroy();
    container.remove();
  };
  placeQuotes(cy);
  const drawn = cy.elements(':visible');
  if (drawn.nodes().empty()) {
    dispose();
    return null;
  }
  const bb = drawn.boundingBox();
  const bounds: Bounds = { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
  return {
    bounds,
    scene: sceneFromCy(cy, bounds),
    // maxWidth/maxHeight (rather than `scale`) make Cytoscape ignore devicePixelRatio, so sizes are the same on every screen.
    png: (maxWidth, maxHeight) => cy.png({ full: true, output: 'blob', maxWidth, maxHeight }),
    dispose,
  };
}
