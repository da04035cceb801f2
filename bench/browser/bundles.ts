/** The compact files of a generated dataset (the app's format for large datasets), from the cache or compiled now. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sizeLabel, type Size } from '../args';
import { cachePaths } from '../cache';
import { runChild } from '../child';
import { entryFor, type ServedDataset } from './routes';

/** Compiling 100k/500k takes about 4.6 GB, above Node's default heap limit on some machines. */
const BIG_HEAP = '--max-old-space-size=16384';

const newer = (file: string, than: string) =>
  existsSync(file) && statSync(file).mtimeMs >= statSync(than).mtimeMs;

/** Needs the dataset folder to exist (the caller generates it); compiles what the cache has no fresh copy of. */
export function servedDataset(size: Size, seed: number, say: (m: string) => void): ServedDataset {
  const paths = cachePaths(size, seed);
  if (!newer(paths.bundle, paths.complete)) {
    say(`browser: ${sizeLabel(size)}: compiling the bundle`);
    const out = runChild<{ ms: number }>(
      'browser/compile-task.ts',
      { dataset: paths.dataset, bundle: paths.bundle },
      { nodeFlags: [BIG_HEAP] },
    );
    if (!out.ok) throw new Error(`compiling ${sizeLabel(size)}: ${out.error}`);
  }
  if (!newer(paths.compactIndex, paths.bundle) || !newer(paths.compactEvidence, paths.bundle)) {
    say(`browser: ${sizeLabel(size)}: writing the compact files`);
    const out = runChild(
      'tasks/compact-encode.ts',
      { bundle: paths.bundle, index: paths.compactIndex, evidence: paths.compactEvidence },
      { nodeFlags: [BIG_HEAP] },
    );
    if (!out.ok) throw new Error(`compact files of ${sizeLabel(size)}: ${out.error}`);
  }
  // The id and title are the dataset's own (dataset.json is small); the counts are the size generated.
  const meta = JSON.parse(readFileSync(join(paths.dataset, 'dataset.json'), 'utf8')) as {
    id: string;
    title: string;
  };
  return {
    entry: entryFor(meta.id, meta.title, size.entities, size.relations, true),
    file: paths.compactIndex,
    evidenceFile: paths.compactEvidence,
  };
}
