/**
 * Child (run with --expose-gc): only the full-text search, on the model built from the bundle, with the
 * bundle dropped first so the process holds what the search worker would: the model's data and the index.
 */
import { loadavg } from 'node:os';
import type { Bundle } from '../../src/model/format/bundle';
import { buildModel } from '../../src/model/core/model-builder';
import { BEFORE, CURRENT, measureFullText, measureWorker, type FullTextFigures } from '../measure/full-text';
import { readJson } from './read-json';
import { log, peakRss, runTask } from './task';

interface Input {
  bundle: string;
  seed: number;
  searchQueries: number;
  engine: 'current' | 'before';
}

export interface FullTextResult extends FullTextFigures {
  engine: 'current' | 'before';
  /** The 1-minute load average as the measurement started and ended: the machine is shared. */
  load: [number, number];
  peakRss: number;
}

await runTask((input: Input): FullTextResult => {
  const loadAtStart = loadavg()[0]!;
  const model = buildModel(readJson<Bundle>(input.bundle).value);
  const figures =
    input.engine === 'before'
      ? measureFullText(model, input.searchQueries, input.seed, BEFORE)
      : measureFullText(model, input.searchQueries, input.seed, CURRENT);
  const worker = input.engine === 'before' ? measureWorker(model, BEFORE) : measureWorker(model, CURRENT);
  log(
    `full-text (${input.engine}) index ${(figures.indexMs / 1000).toFixed(2)} s, p95 ${figures.latency.p95.toFixed(2)} ms, hard p95 ${figures.hard.p95.toFixed(2)} ms`,
  );
  return {
    ...figures,
    ...worker,
    engine: input.engine,
    load: [loadAtStart, loadavg()[0]!],
    peakRss: peakRss(),
  };
});
