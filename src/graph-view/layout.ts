/**
 * Layouts: fCoSE over the entities for the whole view, or around fixed nodes when only some are new. The
 * layout runs in a worker when one can be started (see layout.worker.ts), on the main thread otherwise.
 * Quote nodes are placed apart (place-quotes.ts).
 */
import type { Core, NodeCollection } from 'cytoscape';
import type { Point } from '../store/view-state';
import { layoutPositions } from './headless-layout';
import type { LayoutNode, LayoutRequest, LayoutResponse } from './layout-protocol';

interface LayoutOptions {
  /** Lay out everything from scratch (first view, "Re-layout"). */
  full: boolean;
  fit: boolean;
  onDone(positions: Map<string, Point>): void;
}

/** Nodes waiting for the worker's positions are kept out of sight, so no frame shows them piled up at 0,0. */
export const AWAITING_LAYOUT = 'is-awaiting-layout';

/** The latest layout asked for; an answer to an older one is dropped. */
let latest = 0;
let worker: Worker | null | undefined;
/** Lays out in place what the worker was asked for, if the worker itself fails (its script, not a layout). */
let rescue: (() => void) | null = null;

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      // No answer will come: later layouts run in place, and the waiting one is done here now.
      worker?.terminate();
      worker = null;
      rescue?.();
      rescue = null;
    });
  } catch {
    worker = null;
  }
  return worker;
}

export function runLayout(cy: Core, options: LayoutOptions): void {
  const id = ++latest;
  const entities = cy.nodes('[kind = "entity"]');
  if (entities.empty()) return;
  const fixed = options.full ? cy.collection() : entities.filter((n) => n.scratch('_placed') === true);
  const constrained = fixed.length > 0 && fixed.length < entities.length ? fixed : cy.collection();
  const nodes: LayoutNode[] = entities.map((n) => {
    const box = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return {
      id: n.id(),
      width: Math.max(box.w, 1),
      height: Math.max(box.h, 1),
      ...(constrained.has(n) ? { fixed: { ...n.position() } } : {}),
    };
  });
  const links = new Map<string, [string, string]>();
  entities.edgesWith(entities).forEach((e) => {
    const pair: [string, string] = [e.source().id(), e.target().id()];
    if (pair[0] !== pair[1]) links.set(pair.join('\u0000'), pair);
  });
  const request: LayoutRequest = { id, nodes, links: [...links.values()], randomize: options.full };
  const w = layoutWorker();
  if (!w) return runHere(cy, entities, constrained, options, request);

  const moving = entities.difference(constrained);
  // Their edges too: an edge to a hidden node is still drawn.
  const waiting = moving.union(moving.connectedEdges());
  waiting.addClass(AWAITING_LAYOUT);

  rescue = () => {
    w.removeEventListener('message', onMessage);
    waiting.removeClass(AWAITING_LAYOUT);
    if (id === latest && !cy.destroyed()) runHere(cy, entities, constrained, options, request);
  };
  const onMessage = (e: MessageEvent<LayoutResponse>) => {
    if (e.data.id !== id) return;
    w.removeEventListener('message', onMessage);
    if (id === latest) rescue = null;
    if (id !== latest || cy.destroyed()) return;
    if ('error' in e.data) {
      // The same layout on the main thread: slower, but the view gets placed.
      waiting.removeClass(AWAITING_LAYOUT);
      return runHere(cy, entities, constrained, options, request);
    }
    place(cy, entities, constrained, e.data.positions, () => waiting.removeClass(AWAITING_LAYOUT));
    finish(cy, entities, options);
  };
  w.addEventListener('message', onMessage);
  w.postMessage(request);
}

/** Moves every entity but the constrained ones to its computed position, in one batch. */
function place(
  cy: Core,
  entities: NodeCollection,
  constrained: NodeCollection,
  positions: Array<[string, Point]>,
  alsoInBatch = () => {},
): void {
  const at = new Map(positions);
  cy.batch(() => {
    entities.forEach((n) => {
      const p = at.get(n.id());
      if (p && !constrained.has(n)) n.position(p);
    });
    alsoInBatch();
  });
}

/** The worker's layout, run in place: the same headless fCoSE, so both draw the same picture. */
function runHere(
  cy: Core,
  entities: NodeCollection,
  constrained: NodeCollection,
  options: LayoutOptions,
  request: LayoutRequest,
): void {
  place(cy, entities, constrained, layoutPositions(request));
  finish(cy, entities, options);
}

function finish(cy: Core, entities: NodeCollection, options: LayoutOptions): void {
  const positions = new Map<string, Point>();
  entities.forEach((n) => {
    n.scratch('_placed', true);
    positions.set(n.id(), { ...n.position() });
  });
  if (options.fit) cy.fit(undefined, 40);
  options.onDone(positions);
}
