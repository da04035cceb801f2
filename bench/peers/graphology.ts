/** Peer (a): the in-memory graphology graph, relation edges only, as the app would query it. */
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { relationView, viewReach } from '../relation-view';
import { peakRss, runTask } from '../tasks/task';
import { measureEngine, type Engine, type PeerResult } from './engine';
import { readPeerGraph, type PeerInput } from './peer-input';

await runTask(async (input: PeerInput): Promise<PeerResult> => {
  const graph = readPeerGraph(input);
  const started = performance.now();
  const view = relationView(
    graph.ids,
    graph.pairs.map(([a, b]) => ({ source: graph.ids[a]!, target: graph.ids[b]! })),
  );
  const buildMs = performance.now() - started;
  const engine: Engine = {
    reach: (start, hops) => viewReach(view, start, hops),
    distance: (a, b) => {
      const path = bidirectional(view, a, b);
      return path ? path.length - 1 : null;
    },
    close: () => undefined,
  };
  const measured = await measureEngine(engine, graph.workload, input.budgetMs);
  return {
    engine: 'graphology',
    buildMs,
    peakRss: peakRss(),
    ...measured,
    notes: [
      'graphology UndirectedGraph of relation edges; BFS for k-hop, bidirectional search for paths (uncapped)',
    ],
  };
});
