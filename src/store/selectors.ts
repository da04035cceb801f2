/** Derived data read from the store; memoised on the inputs so the canvas and panels agree and stay cheap. */
import { drawRelations, type Drawing } from '../model/core/parallel-relations';
import { needsVoices } from '../model/core/filters';
import { subgraphOf, type Subgraph } from '../model/core/subgraph';
import type { ExportGraphOptions } from '../model/export/export-graph';
import { communitiesDrawn, type CommunityLegendEntry } from '../model/style/community-palette';
import type { ThreadlineState } from './store';

let last: { model: unknown; visible: unknown; filters: unknown; quotes: number; result: Subgraph } | null =
  null;

/** The entities and relations currently drawn. */
export function selectSubgraph(s: ThreadlineState): Subgraph {
  if (!s.model) return { entityIds: [], relations: [] };
  // The source filters read each claim's source from the quotes, which a compact dataset loads later.
  const quotes = needsVoices(s.filters) ? s.evidenceVersion : 0;
  if (
    last &&
    last.model === s.model &&
    last.visible === s.view.visible &&
    last.filters === s.filters &&
    last.quotes === quotes
  )
    return last.result;
  const result = subgraphOf(s.model, s.view.visible, s.filters);
  last = { model: s.model, visible: s.view.visible, filters: s.filters, quotes, result };
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
  // Always: an edge's width and double line are read from its quotes.
  s.evidenceVersion,
  s.display.parallel,
  s.layoutVersion,
  s.guessedPositions,
];

let lastCommunities: { entityIds: unknown; colouring: unknown; result: CommunityLegendEntry[] } | null = null;

/** The communities drawn, with their colours, when nodes are coloured by community (else none): the legend's rows. */
export function selectCommunityLegend(s: ThreadlineState): CommunityLegendEntry[] {
  const colouring = s.display.colour === 'community' ? s.analysis.communities : null;
  if (!colouring) return NO_COMMUNITIES;
  const { entityIds } = selectSubgraph(s);
  if (lastCommunities?.entityIds === entityIds && lastCommunities.colouring === colouring)
    return lastCommunities.result;
  const result = communitiesDrawn(entityIds, colouring);
  lastCommunities = { entityIds, colouring, result };
  return result;
}

const NO_COMMUNITIES: CommunityLegendEntry[] = [];

/** What exports draw the way the canvas does: community colours and importance sizes, when the display uses them. */
export function selectExportLooks(
  s: ThreadlineState,
): Pick<ExportGraphOptions, 'communities' | 'importance'> {
  const { communities, importance } = s.analysis;
  return {
    ...(s.display.colour === 'community' && communities ? { communities } : {}),
    ...(s.display.nodeSize !== 'uniform' && importance ? { importance: importance.scores } : {}),
  };
}
