/**
 * A dataset folder as a zip and back. The zip holds one folder named after the dataset, so unzipping it
 * into graph-data/ gives graph-data/<id>/. Reading a zip is guarded: it is untrusted input that may be a
 * bomb (a few kilobytes inflating to gigabytes) or hold paths that climb out of the folder.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Problem } from '../format/problems';
import type { Draft } from './draft';
import { draftFromFiles, draftToFiles, type DatasetFiles, type DraftFromFilesResult } from './draft-files';

export const ZIP_LIMITS = {
  /** The zip file itself. */
  maxZipBytes: 64 * 1024 * 1024,
  /** Entries in it, folders included. */
  maxEntries: 5000,
  /** Everything it inflates to, as its headers declare (fflate never writes past a declared size). */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Text compresses 3 to 10 times; a larger ratio on a large entry is a bomb, not a dataset. */
  maxRatio: 100,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** Fixed, so the same draft always zips to the same bytes. */
const ZIP_TIME = new Date(2000, 0, 1);

export function draftToZip(draft: Draft): Uint8Array {
  const folder: Zippable = {};
  for (const [path, text] of Object.entries(draftToFiles(draft))) folder[path] = strToU8(text);
  return zipSync({ [draft.dataset.id]: folder }, { level: 9, mtime: ZIP_TIME });
}

export const zipFileName = (draft: Draft): string => `${draft.dataset.id}.zip`;

export type UnzipResult = { ok: true; files: DatasetFiles } | { ok: false; problems: Problem[] };

class Refused extends Error {}

/** Why an entry's name is not a plain relative path inside the folder, or undefined when it is. */
function unsafeName(name: string): string | undefined {
  if (name.includes('\\')) return 'uses a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the folder (..)';
  // eslint-disable-next-line no-control-regex -- refusing control characters in names is the point
  if (/[\u0000-\u001f]/.test(name)) return 'holds a control character';
  return undefined;
}

/**
 * The files of a dataset zip, relative to its dataset folder: the zip's root, or the one folder at its
 * root that holds dataset.json. Text is decoded as the validator reads files (UTF-8, a BOM kept).
 */
export function unzipDataset(bytes: Uint8Array, label: string, limits: ZipLimits = ZIP_LIMITS): UnzipResult {
  const refuse = (message: string, code: Problem['code'] = 'unsafe-file'): UnzipResult => ({
    ok: false,
    problems: [{ severity: 'error', code, file: label, pointer: '', message }],
  });
  if (bytes.byteLength > limits.maxZipBytes)
    return refuse(`the zip is ${bytes.byteLength} bytes; the limit is ${limits.maxZipBytes}`, 'too-large');
  let raw: Record<string, Uint8Array>;
  try {
    let entries = 0;
    let total = 0;
    raw = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > limits.maxEntries)
          throw new Refused(`the zip holds more than ${limits.maxEntries} entries`);
        const why = unsafeName(file.name);
        if (why) throw new Refused(`the entry ${JSON.stringify(file.name)} ${why}; refused`);
        total += file.originalSize;
        if (total > limits.maxTotalBytes)
          throw new Refused(`the zip inflates to more than ${limits.maxTotalBytes} bytes; refused`);
        if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * limits.maxRatio)
          throw new Refused(
            `the entry ${JSON.stringify(file.name)} inflates ${Math.round(file.originalSize / Math.max(1, file.size))} times (a zip bomb?); refused`,
          );
        return !file.name.endsWith('/');
      },
    });
  } catch (e) {
    if (e instanceof Refused) return refuse(e.message);
    return refuse(`not a readable zip file (${e instanceof Error ? e.message : String(e)})`, 'binary-input');
  }
  const names = Object.keys(raw);
  const root = names.includes('dataset.json')
    ? ''
    : (() => {
        const tops = new Set(names.map((n) => n.split('/')[0]));
        const [only] = tops;
        return tops.size === 1 && names.includes(`${only}/dataset.json`) ? `${only}/` : undefined;
      })();
  if (root === undefined)
    return refuse(
      'the zip is not a dataset: it has no dataset.json at its root or in a single folder at its root',
      'file-missing',
    );
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const files: DatasetFiles = {};
  for (const name of names) {
    if (!name.startsWith(root)) continue;
    files[name.slice(root.length)] = decoder.decode(raw[name]);
  }
  return { ok: true, files };
}

/**
 * A dataset zip as a draft; `label` (the zip's name) prefixes files in problems. `onUnzipped` hears how
 * many files the folder holds once they are inflated, before they are checked.
 */
export function draftFromZip(
  bytes: Uint8Array,
  options: { key: string; label: string; now?: Date; limits?: ZipLimits; onUnzipped?(files: number): void },
): DraftFromFilesResult {
  const unzipped = unzipDataset(bytes, options.label, options.limits);
  if (!unzipped.ok) return unzipped;
  options.onUnzipped?.(Object.keys(unzipped.files).length);
  return draftFromFiles(unzipped.files, {
    key: options.key,
    label: options.label,
    ...(options.now ? { now: options.now } : {}),
  });
}
