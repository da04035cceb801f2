/**
 * Child (run with --expose-gc): loads the app's model from the compact files the way the app loads a large
 * dataset (index first, evidence after), reads memory, and runs the search, expand and path workloads on it.
 */
import { readFileSync } from 'node:fs';
import { bfsScratch, hopDistance } from '../../src/model/core/adjacency';
import { decodeIndex } from '../../src/model/format/compact/decode';
import { evidenceFromText } from '../../src/model/format/compact/load';
import { receiveEvidence } from '../../src/model/core/model';
import { compactSlices, createCompactAssembler } from '../../src/model/format/compact/slices';
import { neighbours, relationsOf } from '../../src/model/core/queries';
import { summarize, timeEach, type Latency } from '../stats';
import { makeWorkload, type WorkloadCounts } from '../workload';
import { collect, log, peakRss, runTask } from './task';

interface Input extends WorkloadCounts {
  index: string;
  evidence: string;
  seed: number;
}

export interface CompactLoadResult {
  load: { readMs: number; parseMs: number; buildMs: number; searchIndexMs: number; ms: number };
  memory: { rss: number; heapUsed: number; peakRss: number };
  search: Latency;
  expand: Latency;
  path: Latency;
  pathLengths: Array<number | null>;
  /** Opening the first piece of evidence: reading, parsing and checking the evidence document. */
  evidence: { readMs: number; parseMs: number; quoteMs: number };
}

const since = (t: number) => performance.now() - t;

/** Read and parsed apart, each timed; the text is out of reach (and collectable) once this returns. */
function readJsonTimed(path: string): { json: unknown; readMs: number; parseMs: number } {
  let t = performance.now();
  const text = readFileSync(path, 'utf8');
  const readMs = since(t);
  t = performance.now();
  return { json: JSON.parse(text) as unknown, readMs, parseMs: since(t) };
}

await runTask((input: Input): CompactLoadResult => {
  collect();
  // In a function of its own, so the file's text and parsed JSON can be collected once the model is built.
  const {
    model: indexed,
    search,
    readMs,
    parseMs,
    buildMs,
    searchIndexMs,
  } = (() => {
    const { json, readMs, parseMs } = readJsonTimed(input.index);
    let t = performance.now();
    const decoded = decodeIndex(json, input.index);
    if (!decoded.ok)
      throw new Error(`the compact index does not load: ${JSON.stringify(decoded.problems[0])}`);
    // The app's one assembler of the compact format: slices in (as the worker posts them), model out.
    const assembler = createCompactAssembler(decoded.value);
    for (const slice of compactSlices(decoded.value, Infinity)) assembler.add(slice);
    const buildMs = since(t);
    t = performance.now();
    // The search index was built by the compiler: here it is checked (in decodeIndex) and wrapped with the model.
    const { model, search } = assembler.finish();
    return { model, search, readMs, parseMs, buildMs, searchIndexMs: since(t) };
  })();
  const model = indexed;
  collect();
  const mem = process.memoryUsage();
  const memory = { rss: mem.rss, heapUsed: mem.heapUsed, peakRss: peakRss() };
  const ms = readMs + parseMs + buildMs + searchIndexMs;
  log(
    `model loaded from the compact index in ${(ms / 1000).toFixed(2)} s, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );

  const ids = model.data.entities.map((e) => e.id);
  const r = model.data.relations;
  const relations = Array.from(r.source, (s, k) => ({ source: ids[s]!, target: ids[r.target[k]!]! }));
  const workload = makeWorkload(model.data.entities, relations, input.seed, input);
  const searchLatency = summarize(timeEach(workload.searchQueries, (q) => search.search(q)));
  const expand = summarize(
    timeEach(workload.expandIds, (id) => ({
      relations: relationsOf(model, id),
      neighbours: neighbours(model, id),
    })),
  );
  const scratch = bfsScratch(ids.length);
  const distance = ([a, b]: readonly [string, string]) =>
    hopDistance(model.adjacency, model.index.entity.get(a)!, model.index.entity.get(b)!, scratch);
  const path = summarize(timeEach(workload.pathPairs, distance, 10));
  const pathLengths = workload.pathPairs.map(distance);

  let t = performance.now();
  const evidenceText = readFileSync(input.evidence, 'utf8');
  const evidenceReadMs = since(t);
  t = performance.now();
  const evidence = evidenceFromText(evidenceText, model, input.evidence, input.index);
  if (!evidence.ok) throw new Error(`the evidence does not load: ${JSON.stringify(evidence.problems[0])}`);
  receiveEvidence(model, evidence.value);
  const evidenceParseMs = since(t);
  t = performance.now();
  model.quotes.get(model.data.quoteIds[0]!);
  return {
    load: { readMs, parseMs, buildMs, searchIndexMs, ms },
    memory,
    search: searchLatency,
    expand,
    path,
    pathLengths,
    evidence: { readMs: evidenceReadMs, parseMs: evidenceParseMs, quoteMs: since(t) },
  };
});
