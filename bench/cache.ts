/** Generated datasets are kept under bench/.cache, keyed by size, seed and generator version, so reruns skip generation. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sizeLabel, type Size } from './args';

/** Bump when the generator's output changes, so stale caches are not measured. */
const GENERATOR_VERSION = 2;

export const CACHE = join(import.meta.dirname, '.cache');

export interface CachePaths {
  root: string;
  dataset: string;
  bundle: string;
  rows: string;
  compactIndex: string;
  compactEvidence: string;
  complete: string;
}

export function cachePaths(size: Size, seed: number): CachePaths {
  const root = join(CACHE, `${sizeLabel(size)}-s${seed}-g${GENERATOR_VERSION}`);
  return {
    root,
    dataset: join(root, 'dataset'),
    bundle: join(root, 'bundle.json'),
    rows: join(root, 'rows.json'),
    compactIndex: join(root, 'compact-index.json'),
    compactEvidence: join(root, 'compact-evidence.json'),
    complete: join(root, 'dataset', '.complete'),
  };
}

export const isGenerated = (paths: CachePaths): boolean => existsSync(paths.complete);
