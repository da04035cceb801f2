/**
 * Layouts: fCoSE over the entities for the whole view, or around fixed nodes when only some are new. The
 * layout (layout-core.ts) runs in a worker when one can be started (see layout.worker.ts), on the main
 * thread otherwise; either way the same request gives the same positions.
 * Quote nodes are placed apart (place-quotes.ts).
 */
import type { Core, NodeCollection } from 'cytoscape';
import type { Point } from '../store/view-state';
import { layoutBoxes } from './layout-core';
import { isPlaced, setPlaced } from './placed';
import type { LayoutNode, LayoutRequest, LayoutResponse } from './layout-protocol';

interface LayoutOptions {
  /** Lay out everything from scratch (first view, "Re-layout"). */
  full: boolean;
  /** Entities a full layout must leave where they are (pinned by the user). */
  pinned?: ReadonlySet<string>;
  fit: boolean;
  onDone(positions: Map<string, Point>): void;
}

/** Nodes waiting for the worker's positions are kept out of sight, so no frame shows them piled up at 0,0. */
export const AWAITING_LAYOUT = 'is-awaiting-layout';

/** The canvas whose latest layout has not answered yet, if any. */
let pending: Core | null = null;
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
  if (entities.empty()) {
    pending = null;
    return;
  }
  pending = cy;
  const fixed = options.full
    ? entities.filter((n) => options.pinned?.has(n.id()) === true && isPlaced(n))
    : entities.filter((n) => isPlaced(n));
  const constrained = fixed.length > 0 && fixed.length < entities.length ? fixed : cy.collection();
  const nodes: LayoutNode[] = entities.map((n) => {
    const box = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return {
      id: n.id(),
      width: Math.max(box.w, 1),
      height: Math.max(box.h, 1),
      offset: { x: (box.x1 + box.x2) / 2 - n.position('x'), y: (box.y1 + box.y2) / 2 - n.position('y') },
      ...(constrained.has(n) ? { fixed: { ...n.position() } } : {}),
    };
  });
  const links = new Map<string, [string, string]>();
  entities.edgesWith(entities).forEach((e) => {
    const pair: [string, string] = [e.source().id(), e.target().id()];
    if (pair[0] !== pair[1]) links.set(pair.join('\u0000'), pair);
  });
  const request: LayoutRequest = { id, nodes, links: [...links.values()], randomize: options.full };
  const apply = (positions: ReadonlyMap<string, Point>) => {
    cy.batch(() => {
      entities.forEach((n) => {
        const p = positions.get(n.id());
        if (p && !constrained.has(n)) n.position(p);
      });
      waiting.removeClass(AWAITING_LAYOUT);
    });
    finish(cy, entities, options);
    pending = null;
  };
  // The same computation as the worker's, in this task: slower for a big view, but the view gets placed.
  const here = () => {
    if (id === latest && !cy.destroyed()) apply(layoutBoxes(request.nodes, request.links, request.randomize));
  };

  const moving = entities.difference(constrained);
  // Their edges too: an edge to a hidden node is still drawn.
  const waiting = moving.union(moving.connectedEdges());
  const w = layoutWorker();
  if (!w) return here();
  waiting.addClass(AWAITING_LAYOUT);

  rescue = () => {
    w.removeEventListener('message', onMessage);
    waiting.removeClass(AWAITING_LAYOUT);
    here();
  };
  const onMessage = (e: MessageEvent<LayoutResponse>) => {
    if (e.data.id !== id) return;
    w.removeEventListener('message', onMessage);
    if (id === latest) rescue = null;
    if (id !== latest || cy.destroyed()) return;
    if ('error' in e.data) {
      waiting.removeClass(AWAITING_LAYOUT);
      return here();
    }
    apply(new Map(e.data.positions));
  };
  w.addEventListener('message', onMessage);
  w.postMessage(request);
}

/**
 * True while a layout asked of `cy` has not placed its nodes yet: positions read now are not final
 * (automation waits on this before clicking, see app/automation.ts).
 */
export function layoutPending(cy: Core): boolean {
  return pending === cy && !cy.destroyed();
}

function finish(cy: Core, entities: NodeCollection, options: LayoutOptions): void {
  const positions = new Map<string, Point>();
  entities.forEach((n) => {
    setPlaced(n, true);
    positions.set(n.id(), { ...n.position() });
  });
  if (options.fit) cy.fit(undefined, 40);
  options.onDone(positions);
}
