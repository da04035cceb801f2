/** The route table that serves generated datasets to the app: an index with their entries, and where each bundle is streamed from. */
import type { DatasetIndexEntry } from '../../src/data/dataset-index';

export interface ServedDataset {
  entry: DatasetIndexEntry;
  /** The compiled bundle on disk. */
  file: string;
}

/** Path prefix, on the preview server, of the bundles the bench streams from disk. */
export const BENCH_PREFIX = '/__bench/';

export const entryFor = (
  id: string,
  title: string,
  entities: number,
  relations: number,
): DatasetIndexEntry => ({
  id,
  title,
  file: `datasets/${id}.json`,
  entities,
  relations,
});

/** The built index with the generated datasets added; a generated id replaces a built entry of the same id. */
export function indexWith(
  built: readonly DatasetIndexEntry[],
  served: readonly ServedDataset[],
): DatasetIndexEntry[] {
  const ids = new Set(served.map((s) => s.entry.id));
  return [...built.filter((e) => !ids.has(e.id)), ...served.map((s) => s.entry)];
}

/** The `page.route` glob for a dataset's bundle, as the app requests it (relative to its base URL). */
export const bundleGlob = (entry: DatasetIndexEntry): string => `**/${entry.file}`;

/** Where the preview server streams a dataset's bundle from: the request is continued to this URL. */
export const streamUrl = (baseUrl: string, entry: DatasetIndexEntry): string =>
  new URL(`${BENCH_PREFIX.slice(1)}${entry.file}`, baseUrl).href;

/** The file on disk for a request path under BENCH_PREFIX, or undefined for any other path. */
export function fileForRequest(path: string, served: readonly ServedDataset[]): string | undefined {
  const clean = path.split('?')[0]!;
  if (!clean.startsWith(BENCH_PREFIX)) return undefined;
  const rest = decodeURIComponent(clean.slice(BENCH_PREFIX.length));
  return served.find((s) => s.entry.file === rest)?.file;
}
