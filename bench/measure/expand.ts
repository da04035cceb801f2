/** 1-hop expand: the relations and neighbours of an entity, as the explorer asks when a node is opened. */
import type { Model } from '../../src/model/core/model';
import { neighbours, relationsOf } from '../../src/model/core/queries';
import { csrExpand, type Csr } from '../csr';
import { summarize, timeEach, type Latency } from '../stats';

export interface ExpandFigures {
  latency: Latency;
  /** Floor: the same answer from flat integer adjacency arrays. */
  csr: Latency;
  hubs: Array<{ id: string; degree: number; ms: number }>;
}

export function measureExpand(
  model: Model,
  csr: Csr,
  ids: readonly string[],
  hubs: ReadonlyArray<{ id: string; degree: number }>,
): ExpandFigures {
  const expand = (id: string) => ({ relations: relationsOf(model, id), neighbours: neighbours(model, id) });
  const latency = summarize(timeEach(ids, expand));
  const relations = [...model.relations.values()];
  const floor = summarize(timeEach(ids, (id) => csrExpand(csr, relations, id)));
  const hubTimes = hubs.slice(0, 3).map((h) => {
    const t = performance.now();
    expand(h.id);
    return { ...h, ms: performance.now() - t };
  });
  return { latency, csr: floor, hubs: hubTimes };
}
