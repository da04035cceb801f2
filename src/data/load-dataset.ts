/** Finds a dataset (bundled, or a file the user opened) and loads it progressively into the model and search index. */
import type { Model } from '../model/core/model';
import type { EvidenceData } from '../model/core/model-data';
import type { Problem } from '../model/format/problems';
import type { EntitySearch } from '../model/search/search';
import { DEFAULT_DATASET, type DatasetIndexEntry } from './dataset-index';
import { loadBundle, type LoadProgress } from './load-bundle';
import type { LoadFailure, LoadRequest } from './load-protocol';

export type LoadResult =
  | { ok: true; model: Model; search: EntitySearch; evidence?: Promise<EvidenceResult> }
  /** `total`: how many errors, when `problems` is only the first of them. */
  | { ok: false; title: string; problems: Problem[]; total?: number };

/** The evidence of a compact dataset, which arrives after the explorer has opened. */
export type EvidenceResult = { ok: true; evidence: EvidenceData } | { ok: false; problems: Problem[] };

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
}

const failure = (title: string, file: string, message: string): LoadResult => ({
  ok: false,
  title,
  problems: [{ severity: 'error', code: 'file-missing', file, pointer: '', message }],
});

/** Loads a bundle and words its failure the way the screen that asked for it should show it. */
async function load(
  request: LoadRequest,
  options: LoadOptions,
  describe: (failure: LoadFailure) => LoadResult,
): Promise<LoadResult> {
  const { file } = request;
  const outcome = await loadBundle(request, options.onProgress, options.signal);
  if (outcome.ok) {
    const { model, search, evidence } = outcome;
    if (!evidence) return { ok: true, model, search };
    const evidenceFile = request.evidence?.file ?? file;
    const problems = (f: LoadFailure): Problem[] =>
      f.reason === 'invalid'
        ? f.problems
        : [
            {
              severity: 'error',
              code: 'file-missing',
              file: evidenceFile,
              pointer: '',
              message: f.reason === 'http' ? `the server answered ${f.status}` : f.message,
            },
          ];
    return {
      ok: true,
      model,
      search,
      evidence: evidence.then((e) => (e.ok ? e : { ok: false, problems: problems(e.failure) })),
    };
  }
  if (outcome.failure.reason === 'invalid')
    return { ok: false, title: `${file} could not be opened`, problems: outcome.failure.problems };
  return describe(outcome.failure);
}

/** Loads bundle text the user picked or dropped (or a test provides). */
export function loadBundleFile(blob: Blob, name: string, options: LoadOptions = {}): Promise<LoadResult> {
  return load({ input: { kind: 'blob', blob }, file: name }, options, (f) =>
    failure(
      `${name} could not be opened`,
      name,
      `could not read the file: ${f.reason === 'unreadable' ? f.message : String(f.reason)}`,
    ),
  );
}

/** Loads one of the datasets listed in datasets/index.json. */
export async function loadBundledDataset(
  base: string,
  requested: string | null,
  options: LoadOptions = {},
): Promise<LoadResult> {
  let index: DatasetIndexEntry[];
  try {
    const res = await fetch(new URL('datasets/index.json', base));
    if (!res.ok) return failure('No datasets', 'datasets/index.json', `the server answered ${res.status}`);
    index = (await res.json()) as DatasetIndexEntry[];
  } catch (e) {
    return failure('No datasets', 'datasets/index.json', `could not load the dataset list: ${String(e)}`);
  }
  const entry =
    index.find((d) => d.id === requested) ?? index.find((d) => d.id === DEFAULT_DATASET) ?? index[0];
  if (!entry) return failure('No datasets', 'datasets/index.json', 'the build contains no dataset');
  // Fetched by the worker: a large bundle's text never has to be decoded or copied on this thread.
  const url = new URL(entry.file, base).href;
  const request: LoadRequest = {
    input: { kind: 'url', url },
    file: entry.file,
    ...(entry.evidence
      ? {
          evidence: { input: { kind: 'url', url: new URL(entry.evidence, base).href }, file: entry.evidence },
        }
      : {}),
  };
  return load(request, options, (f) => {
    if (f.reason === 'http' && f.status === 422 && f.problems)
      return {
        ok: false,
        title: `Dataset ${entry.id} does not validate`,
        problems: f.problems,
        ...(f.total !== undefined ? { total: f.total } : {}),
      };
    const message =
      f.reason === 'http' ? `the server answered ${f.status}` : f.reason === 'unreadable' ? f.message : '';
    return failure(`Dataset ${entry.id} is missing`, entry.file, message);
  });
}
