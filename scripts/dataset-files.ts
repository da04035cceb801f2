/** Node-side file access for the validator and compiler: finds datasets and reads them safely. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_JSON_BYTES } from '../src/model/format/json-with-positions';
import type { ReadFile } from '../src/model/format/validate-folder';

export const GRAPH_DATA = resolve(import.meta.dirname, '..', 'graph-data');

/** Every dataset folder under graph-data/ (a folder holding dataset.json). */
export function bundledDatasets(): string[] {
  if (!existsSync(GRAPH_DATA)) return [];
  return readdirSync(GRAPH_DATA)
    .map((name) => join(GRAPH_DATA, name))
    .filter((dir) => existsSync(join(dir, 'dataset.json')))
    .sort();
}

/** A reader confined to one folder: paths that climb out of it read as missing. */
export function folderReader(dir: string): ReadFile {
  const root = resolve(dir);
  return (rel) => {
    const path = resolve(root, rel);
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const size = statSync(path).size;
    if (size > MAX_JSON_BYTES) return { tooLarge: size };
    return readFileSync(path, 'utf8');
  };
}

export const displayPath = (p: string): string => relative(process.cwd(), resolve(p)) || '.';
