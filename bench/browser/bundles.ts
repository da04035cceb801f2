/** The compiled bundle of a generated dataset, from the cache or compiled now, as an entry the app can open. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sizeLabel, type Size } from '../args';
import { cachePaths } from '../cache';
import { runChild } from '../child';
import { entryFor, type ServedDataset } from './routes';

/** Compiling 100k/500k takes about 4.6 GB, above Node's default heap limit on some machines. */
const BIG_HEAP = '--max-old-space-size=16384';

/** Needs the dataset folder to exist (the caller generates it); compiles the bundle if the cache has none newer than it. */
export function servedDataset(size: Size, seed: number, say: (m: string) => void): ServedDataset {
  const paths = cachePaths(size, seed);
  const fresh =
    existsSync(paths.bundle) && statSync(paths.bundle).mtimeMs >= statSync(paths.complete).mtimeMs;
  if (!fresh) {
    say(`browser: ${sizeLabel(size)}: compiling the bundle`);
    const out = runChild<{ ms: number }>(
      'browser/compile-task.ts',
      { dataset: paths.dataset, bundle: paths.bundle },
      { nodeFlags: [BIG_HEAP] },
    );
    if (!out.ok) throw new Error(`compiling ${sizeLabel(size)}: ${out.error}`);
  }
  // The id and title are the dataset's own (dataset.json is small); the counts are the size generated.
  const meta = JSON.parse(readFileSync(join(paths.dataset, 'dataset.json'), 'utf8')) as {
    id: string;
    title: string;
  };
  return { entry: entryFor(meta.id, meta.title, size.entities, size.relations), file: paths.bundle };
}
