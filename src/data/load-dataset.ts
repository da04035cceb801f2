/** Finds a dataset, validates it and builds the model and search index the store needs. */
import type { Bundle } from '../model/bundle';
import { buildModel, type Model } from '../model/graph';
import type { Problem } from '../model/problems';
import { buildEntitySearch, type EntitySearch } from '../model/search';
import { DEFAULT_DATASET, type DatasetIndexEntry } from './dataset-index';
import { validateOffThread } from './validate-off-thread';

export type LoadResult =
  { ok: true; model: Model; search: EntitySearch } | { ok: false; title: string; problems: Problem[] };

const failure = (title: string, file: string, message: string): LoadResult => ({
  ok: false,
  title,
  problems: [{ severity: 'error', code: 'file-missing', file, pointer: '', message }],
});

/** Builds what the explorer needs from a validated bundle. */
export function prepare(bundle: Bundle): { model: Model; search: EntitySearch } {
  return { model: buildModel(bundle), search: buildEntitySearch(bundle.entities) };
}

/** Validates bundle text (off the main thread) and prepares it, or returns the problems found. */
export async function loadBundleText(text: string, file: string): Promise<LoadResult> {
  const { problems, bundle } = await validateOffThread(text, file);
  if (!bundle) return { ok: false, title: `${file} could not be opened`, problems };
  return { ok: true, ...prepare(bundle) };
}

/** Loads one of the datasets the build published under datasets/. */
export async function loadBundledDataset(base: string, requested: string | null): Promise<LoadResult> {
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
  let text: string;
  try {
    const res = await fetch(new URL(entry.file, base));
    if (res.status === 422) {
      // The dev server could not compile the dataset: show what is wrong with it.
      const { problems } = (await res.json()) as { problems: Problem[] };
      return { ok: false, title: `Dataset ${entry.id} does not validate`, problems };
    }
    if (!res.ok)
      return failure(`Dataset ${entry.id} is missing`, entry.file, `the server answered ${res.status}`);
    text = await res.text();
  } catch (e) {
    return failure(`Dataset ${entry.id} is missing`, entry.file, String(e));
  }
  return loadBundleText(text, entry.file);
}
