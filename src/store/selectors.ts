/** Derived data read from the store; memoised on the inputs so the canvas and panels agree and stay cheap. */
import { drawRelations, type Drawing } from '../model/core/parallel-relations';
import { subgraphOf, type Subgraph } from '../model/core/subgraph';
import type { ThreadlineState } from './store';

let last: { model: unknown; visible: unknown; filters: unknown; result: Subgraph } | null = null;

/** The entities and relations currently drawn. */
export function selectSubgraph(s: ThreadlineState): Subgraph {
  if (!s.model) return { entityIds: [], relations: [] };
  if (last && last.model === s.model && last.visible === s.view.visible && last.filters === s.filters)
    return last.result;
  const result = subgraphOf(s.model, s.view.visible, s.filters);
  last = { model: s.model, visible: s.view.visible, filters: s.filters, result };
  return result;
}

let lastDrawing: { subgraph: Subgraph; bundle: boolean; result: Drawing } | null = null;

/** How the drawn relations are drawn: alone, or parallel ones bundled into one edge per pair. */
export function selectDrawing(s: ThreadlineState): Drawing {
  const subgraph = selectSubgraph(s);
  const bundle = s.display.parallel === 'bundle';
  if (lastDrawing && lastDrawing.subgraph === subgraph && lastDrawing.bundle === bundle)
    return lastDrawing.result;
  const result = drawRelations(subgraph.relations, bundle);
  lastDrawing = { subgraph, bundle, result };
  return result;
}

/**
 * Everything the canvas's elements depend on, for `watch`: what is shown, under which filters, how it is
 * drawn, and the canvas's layout requests. Positions are not in it: moving a node draws nothing new.
 */
export const drawnFrom = (s: ThreadlineState): unknown[] => [
  s.model,
  s.view,
  s.filters,
  s.showEvidence,
  s.showEvidence ? s.evidenceVersion : 0,
  s.display.parallel,
  s.layoutVersion,
  s.guessedPositions,
];
