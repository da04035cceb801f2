/** Child: validates and compiles a dataset folder (timed), then writes the bundle and the row-per-record floor file. */
import { statSync, writeFileSync } from 'node:fs';
import { folderReader } from '../../scripts/dataset-files';
import { requireBundle } from '../require-bundle';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { peakRss, runTask } from './task';

interface Input {
  dataset: string;
  bundle: string;
  rows: string;
}

export interface ValidateResult {
  ms: number;
  errors: number;
  warnings: number;
  peakRss: number;
  bundleBytes: number;
  rowsBytes: number;
  datasetBytes: number;
}

await runTask(({ dataset, bundle: bundleFile, rows }: Input): ValidateResult => {
  const read = folderReader(dataset);
  let datasetBytes = 0;
  const counting = (path: string) => {
    const text = read(path);
    if (typeof text === 'string') datasetBytes += Buffer.byteLength(text);
    return text;
  };
  const started = performance.now();
  const result = validateDatasetFolder('bench', counting);
  const { problems } = result;
  const ms = performance.now() - started;
  const peak = peakRss();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const bundle = requireBundle(result);
  writeFileSync(bundleFile, JSON.stringify(bundle));
  // The floor: the same records as plain rows, with no structure to rebuild after parsing.
  const lines = [
    ...bundle.sources.map((s) => JSON.stringify({ kind: 'source', ...s })),
    ...bundle.relationTypes.map((t) => JSON.stringify({ kind: 'relationType', ...t })),
    ...bundle.entities.map((e) => JSON.stringify({ kind: 'entity', ...e })),
    ...bundle.quotes.map((q) => JSON.stringify({ kind: 'quote', ...q })),
    ...bundle.relations.map((r) => JSON.stringify({ kind: 'relation', ...r })),
  ];
  writeFileSync(rows, `[\n${lines.join(',\n')}\n]\n`);
  return {
    ms,
    errors,
    warnings: problems.length - errors,
    peakRss: peak,
    bundleBytes: statSync(bundleFile).size,
    rowsBytes: statSync(rows).size,
    datasetBytes,
  };
});
