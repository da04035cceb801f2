/** Child (run with --expose-gc): loads the compact index, reads memory, runs the same workloads, then loads evidence. */
import type { CompactEvidence, CompactIndex } from '../../src/model/compact/format';
import { compactQuote, loadCompact } from '../../src/model/compact/load';
import { summarize, timeEach, type Latency } from '../stats';
import { makeWorkload, type WorkloadCounts } from '../workload';
import { readJson } from './read-json';
import { collect, log, peakRss, runTask } from './task';

interface Input extends WorkloadCounts {
  index: string;
  evidence: string;
  seed: number;
}

export interface CompactLoadResult {
  load: { readMs: number; parseMs: number; buildMs: number; ms: number };
  memory: { rss: number; heapUsed: number; peakRss: number };
  search: Latency;
  expand: Latency;
  path: Latency;
  pathLengths: Array<number | null>;
  /** Opening the first piece of evidence: reading and parsing the evidence document. */
  evidence: { readMs: number; parseMs: number; quoteMs: number };
}

await runTask((input: Input): CompactLoadResult => {
  collect();
  const { value: index, readMs, parseMs } = readJson<CompactIndex>(input.index);
  const t = performance.now();
  const model = loadCompact(index);
  const buildMs = performance.now() - t;
  collect();
  const mem = process.memoryUsage();
  const memory = { rss: mem.rss, heapUsed: mem.heapUsed, peakRss: peakRss() };
  log(
    `compact loaded in ${((readMs + parseMs + buildMs) / 1000).toFixed(2)} s, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );

  const relations = index.relations.source.map((s, k) => ({
    source: index.entities.id[s]!,
    target: index.entities.id[index.relations.target[k]!]!,
  }));
  const workload = makeWorkload(model.entities, relations, input.seed, input);
  const search = summarize(timeEach(workload.searchQueries, (q) => model.search.search(q)));
  const expand = summarize(timeEach(workload.expandIds, (id) => model.expand(id)));
  const path = summarize(timeEach(workload.pathPairs, ([a, b]) => model.distance(a, b), 10));
  const pathLengths = workload.pathPairs.map(([a, b]) => model.distance(a, b));

  const ev = readJson<CompactEvidence>(input.evidence);
  const q = performance.now();
  compactQuote(index, ev.value, 0);
  return {
    load: { readMs, parseMs, buildMs, ms: readMs + parseMs + buildMs },
    memory,
    search,
    expand,
    path,
    pathLengths,
    evidence: { readMs: ev.readMs, parseMs: ev.parseMs, quoteMs: performance.now() - q },
  };
});
