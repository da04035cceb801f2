/**
 * Child (run with --expose-gc): loads the model from the bundle JSON (as opening a bundle file does), timing each stage and reading memory,
 * then runs the search, expand and path workloads against the loaded model.
 */
import type { Bundle } from '../../src/model/format/bundle';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import type { WorkloadCounts } from '../workload';
import { makeWorkload } from '../workload';
import { buildCsr } from '../csr';
import { measureExpand, type ExpandFigures } from '../measure/expand';
import { measurePath, type PathFigures } from '../measure/path';
import { CURRENT, measureFullText, type FullTextFigures } from '../measure/full-text';
import { measureSearch, type SearchFigures } from '../measure/search';
import { relationView } from '../relation-view';
import { timed } from '../stats';
import { readJson } from './read-json';
import { collect, log, peakRss, runTask } from './task';

interface Input extends WorkloadCounts {
  bundle: string;
  seed: number;
}

export interface LoadResult {
  load: { readMs: number; parseMs: number; modelMs: number; searchIndexMs: number; ms: number };
  memory: {
    baselineRss: number;
    rss: number;
    heapUsed: number;
    peakRss: number;
    graphNodes: number;
    graphEdges: number;
  };
  viewMs: number;
  csrMs: number;
  search: SearchFigures;
  fullText: FullTextFigures;
  expand: ExpandFigures;
  path: PathFigures;
  hubs: Array<{ id: string; degree: number }>;
}

await runTask((input: Input): LoadResult => {
  collect();
  const baselineRss = process.memoryUsage().rss;
  // Already validated when it was compiled, as the app's bundles are.
  const { value: bundle, readMs, parseMs } = readJson<Bundle>(input.bundle);
  const t2 = performance.now();
  const model = buildModel(bundle);
  const t3 = performance.now();
  const search = buildEntitySearch(bundle.entities);
  const t4 = performance.now();
  collect();
  const mem = process.memoryUsage();
  const memory = {
    baselineRss,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    peakRss: peakRss(),
    graphNodes: model.entities.size,
    graphEdges: model.relations.size,
  };
  log(
    `loaded in ${((readMs + parseMs + t4 - t2) / 1000).toFixed(2)} s, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );

  const workload = makeWorkload(bundle.entities, bundle.relations, input.seed, input);
  const ids = bundle.entities.map((e) => e.id);
  const view = timed(() => relationView(ids, bundle.relations));
  const csr = timed(() => buildCsr(ids, bundle.relations));
  const searchFigures = measureSearch(search, bundle.entities, workload.searchQueries);
  log(`search p95 ${searchFigures.latency.p95.toFixed(2)} ms`);
  const fullText = measureFullText(model, input.searchQueries, input.seed, CURRENT);
  log(`full-text index ${(fullText.indexMs / 1000).toFixed(2)} s, p95 ${fullText.latency.p95.toFixed(2)} ms`);
  const expand = measureExpand(model, csr.value, workload.expandIds, workload.hubs);
  log(`expand p95 ${expand.latency.p95.toFixed(3)} ms`);
  const path = measurePath(view.value, csr.value, workload.pathPairs);
  log(`path p95 ${path.latency.p95.toFixed(2)} ms`);
  return {
    load: { readMs, parseMs, modelMs: t3 - t2, searchIndexMs: t4 - t3, ms: readMs + parseMs + (t4 - t2) },
    memory,
    viewMs: view.ms,
    csrMs: csr.ms,
    search: searchFigures,
    fullText,
    expand,
    path,
    hubs: workload.hubs,
  };
});
