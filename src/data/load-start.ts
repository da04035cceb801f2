/**
 * The dataset the app opens on: the one the URL names; else the file last opened with Open…, kept in
 * this browser so a reload does not lose it; else the default bundled dataset. A kept file that no
 * longer opens is forgotten, and the bundled dataset opens with a word about why.
 */
import { forgetOpenedFile, lastOpenedFile } from './drafts-db';
import { loadBundledDataset, loadBundleFile, type LoadOptions, type LoadResult } from './load-dataset';

export interface StartResult {
  result: LoadResult;
  /** Set when the dataset is the kept file: its name. */
  reopened?: string;
  /** Set when a kept file could not be opened again: what to tell the user. */
  dropped?: string;
}

export async function loadStartDataset(
  base: string,
  requested: string | null,
  options: LoadOptions = {},
): Promise<StartResult> {
  // Storage disabled or broken is no reason not to open: the bundled dataset does.
  const kept = requested ? undefined : await lastOpenedFile().catch(() => undefined);
  let dropped: string | undefined;
  if (kept) {
    const result = await loadBundleFile(kept.blob, kept.name, options);
    if (result.ok) return { result, reopened: kept.name };
    if (options.signal?.aborted) return { result };
    await forgetOpenedFile().catch(() => undefined);
    const first = result.problems[0];
    dropped = `${kept.name}, opened last time, could not be opened again${first ? ` (${first.message})` : ''}; it is forgotten.`;
  }
  const result = await loadBundledDataset(base, requested, options);
  return { result, ...(dropped ? { dropped } : {}) };
}
