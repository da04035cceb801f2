/** The route table that serves generated datasets to the app: an index with their entries, and where each file is streamed from. */
import type { DatasetIndexEntry } from '../../src/data/dataset-index';

export interface ServedDataset {
  entry: DatasetIndexEntry;
  /** On disk: the compiled bundle, or the compact index when the entry names evidence. */
  file: string;
  /** On disk: the compact evidence document. */
  evidenceFile?: string;
}

/** Path prefix, on the preview server, of the bundles the bench streams from disk. */
const BENCH_PREFIX = '/__bench/';

export const entryFor = (
  id: string,
  title: string,
  entities: number,
  relations: number,
  compact = false,
): DatasetIndexEntry => ({
  id,
  title,
  file: `datasets/${id}.json`,
  ...(compact ? { evidence: `datasets/${id}.evidence.json` } : {}),
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

/** The app-relative paths a dataset's files are requested at: the bundle or index, and the evidence. */
export const requestedPaths = (entry: DatasetIndexEntry): string[] => [
  entry.file,
  ...(entry.evidence ? [entry.evidence] : []),
];

/** The `page.route` glob for one of a dataset's files, as the app requests it (relative to its base URL). */
export const bundleGlob = (path: string): string => `**/${path}`;

/** Where the preview server streams one of a dataset's files from: the request is continued to this URL. */
export const streamUrl = (baseUrl: string, path: string): string =>
  new URL(`${BENCH_PREFIX.slice(1)}${path}`, baseUrl).href;

/** The file on disk for a request path under BENCH_PREFIX, or undefined for any other path. */
export function fileForRequest(path: string, served: readonly ServedDataset[]): string | undefined {
  const clean = path.split('?')[0]!;
  if (!clean.startsWith(BENCH_PREFIX)) return undefined;
  const rest = decodeURIComponent(clean.slice(BENCH_PREFIX.length));
  for (const s of served) {
    if (s.entry.file === rest) return s.file;
    if (s.entry.evidence === rest) return s.evidenceFile;
  }
  return undefined;
}
