/** A simple undirected graphology graph of entities, one weighted edge per related pair, for the centrality and community metrics. */
import { UndirectedGraph } from 'graphology';
import type { Model } from '../core/model';

export interface PairAttributes {
  /** How many relations join the pair. */
  weight: number;
}

export type EntityGraph = UndirectedGraph<Record<string, never>, PairAttributes>;

export function buildEntityGraph(model: Model): EntityGraph {
  const g: EntityGraph = new UndirectedGraph();
  const { entities, relations } = model.data;
  for (const e of entities) g.addNode(e.id);
  for (let k = 0; k < relations.id.length; k++) {
    const s = relations.source[k]!;
    const t = relations.target[k]!;
    // Self-loops would only inflate a node's own score.
    if (s === t) continue;
    g.updateEdge(entities[s]!.id, entities[t]!.id, (attrs) => ({ weight: (attrs.weight ?? 0) + 1 }));
  }
  return g;
}
