/**
 * The relation edges alone, as a simple undirected graphology graph. Paths and k-hop neighbourhoods run on
 * it: the model also holds quote nodes and evidence edges, which a path must not pass through.
 */
import { UndirectedGraph } from 'graphology';
import type { RelationRecord } from '../src/model/format/schema';

export function relationView(
  ids: readonly string[],
  relations: ReadonlyArray<Pick<RelationRecord, 'source' | 'target'>>,
): UndirectedGraph {
  const view = new UndirectedGraph();
  for (const id of ids) view.addNode(id);
  for (const r of relations) if (r.source !== r.target) view.mergeEdge(r.source, r.target);
  return view;
}

/** Distinct entities within `hops` relations of `start`, the start excluded. */
export function viewReach(view: UndirectedGraph, start: string, hops: number): number {
  const seen = new Set([start]);
  let front = [start];
  for (let d = 0; d < hops && front.length > 0; d++) {
    const next: string[] = [];
    for (const u of front)
      view.forEachNeighbor(u, (v) => {
        if (!seen.has(v)) {
          seen.add(v);
          next.push(v);
        }
      });
    front = next;
  }
  return seen.size - 1;
}
