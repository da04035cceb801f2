/** A simple undirected graphology graph of entities, one weighted edge per related pair, for the centrality and community metrics. */
import { UndirectedGraph } from 'graphology';
import type { Model } from '../core/model';

export interface PairAttributes {
  /** How many relations join the pair. */
  weight: number;
}

export interface EntityAttributes {
  id: string;
}

/**
 * Nodes are keyed by the entity's row, its id kept as an attribute: graphology keeps neighbours in plain
 * objects, where an id such as "constructor" would find Object.prototype's member instead of an edge.
 */
export type EntityGraph = UndirectedGraph<EntityAttributes, PairAttributes>;

export function buildEntityGraph(model: Model): EntityGraph {
  const g: EntityGraph = new UndirectedGraph();
  const { entities, relations } = model.data;
  entities.forEach((e, row) => g.addNode(String(row), { id: e.id }));
  for (let k = 0; k < relations.id.length; k++) {
    const s = relations.source[k]!;
    const t = relations.target[k]!;
    // Self-loops would only inflate a node's own score.
    if (s === t) continue;
    g.updateEdge(String(s), String(t), (attrs) => ({ weight: (attrs.weight ?? 0) + 1 }));
  }
  return g;
}
