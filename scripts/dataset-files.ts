/** Node-side file access for the validator and compiler: finds datasets and reads them safely. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_JSON_BYTES } from '../src/model/format/limits';
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

/**
 * A reader confined to one folder. Paths that climb out of it read as missing; a file whose real path
 * (after every symlink, the folders' included) lies outside the folder, or that is not a regular file
 * (a FIFO, a device), is refused unread, so /etc/passwd or /proc/self/status never reach a bundle.
 */
export function folderReader(dir: string): ReadFile {
  const root = resolve(dir);
  let realRoot: string | undefined;
  const read: ReadFile = (rel) => {
    const path = resolve(root, rel);
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    if (!existsSync(path)) return undefined;
    try {
      return readConfined(rel, path, (realRoot ??= realpathSync(root)));
    } catch (e) {
      // Permissions, a file removed between the check and the read: a located refusal, not a crash.
      return { refused: `${rel} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    }
  };
  read.list = (rel) => {
    const path = resolve(root, rel);
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isDirectory()) return [];
    return readdirSync(path);
  };
  return read;
}

function readConfined(rel: string, path: string, realRoot: string): ReturnType<ReadFile> {
  const real = realpathSync(path);
  if (!real.startsWith(realRoot + sep))
    return { refused: `${rel} is a link to ${real}, outside the dataset folder` };
  const stat = statSync(real);
  if (!stat.isFile()) return { refused: `${rel} is not a regular file` };
  if (stat.size > MAX_JSON_BYTES) return { tooLarge: stat.size };
  const text = readFileSync(real, 'utf8');
  // Checked again after reading: some files (procfs, for one) report a size of 0 whatever they hold.
  if (text.length > MAX_JSON_BYTES) return { tooLarge: text.length };
  return text;
}

/**
 * Every file of a dataset folder with its size and modification time, as one string: equal stamps mean
 * nothing was edited, added or removed (links are followed, so an edited target changes it too).
 */
export function datasetStamp(dir: string): string {
  const parts: string[] = [];
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      const stat = statSync(join(dir, rel));
      parts.push(`${rel}\u0000${stat.size}\u0000${stat.mtimeMs}`);
    } catch {
      parts.push(`${rel}\u0000gone`);
    }
  }
  return parts.join('\n');
}

export const displayPath = (p: string): string => relative(process.cwd(), resolve(p)) || '.';
