/** A simple undirected graphology graph of entities, one weighted edge per related pair, for the centrality and community metrics. */
import { UndirectedGraph } from 'graphology';
import type { Model } from '../graph';

export interface PairAttributes {
  /** How many relations join the pair. */
  weight: number;
}

export type EntityGraph = UndirectedGraph<Record<string, never>, PairAttributes>;

export function buildEntityGraph(model: Model): EntityGraph {
  const g: EntityGraph = new UndirectedGraph();
  for (const e of model.bundle.entities) g.addNode(e.id);
  for (const r of model.bundle.relations) {
    // Self-loops would only inflate a node's own score.
    if (r.source === r.target) continue;
    g.updateEdge(r.source, r.target, (attrs) => ({ weight: (attrs.weight ?? 0) + 1 }));
  }
  return g;
}
