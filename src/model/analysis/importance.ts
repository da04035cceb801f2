/** Node importance for sizing: relation degree or PageRank, scaled to 0..1. */
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { Model } from '../core/model';
import { relationDegree } from '../core/queries';
import { buildEntityGraph } from './entity-graph';

export const IMPORTANCE_MEASURES = ['degree', 'pagerank'] as const;
export type ImportanceMeasure = (typeof IMPORTANCE_MEASURES)[number];

/** Raw scores per entity. */
export function rawImportance(model: Model, measure: ImportanceMeasure): Map<string, number> {
  if (measure === 'degree')
    return new Map(model.data.entities.map((e) => [e.id, relationDegree(model, e.id)]));
  const g = buildEntityGraph(model);
  if (g.size === 0) return new Map(model.data.entities.map((e) => [e.id, 0]));
  const ranks = pagerank(g, { getEdgeWeight: 'weight' });
  return new Map(Object.entries(ranks).map(([key, rank]) => [g.getNodeAttribute(key, 'id'), rank]));
}

/** Scores scaled to 0..1 on a square-root scale, so one hub does not shrink every other node to a dot. */
export function importanceScores(model: Model, measure: ImportanceMeasure): Map<string, number> {
  const raw = rawImportance(model, measure);
  // A loop, not Math.max(...values): spreading one value per entity overflows the call stack at 100k.
  let max = 0;
  for (const v of raw.values()) max = Math.max(max, v);
  const out = new Map<string, number>();
  for (const [id, v] of raw) out.set(id, max > 0 ? Math.sqrt(v / max) : 0);
  return out;
}
