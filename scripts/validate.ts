/** `npm run validate -- [dataset-dir | dataset.zip | bundle.json ...]`: checks datasets, prints its problems (errors first, each list capped with a total), exits 1 on any error. */
import { readFileSync, statSync } from 'node:fs';
import { unzipDataset, ZIP_LIMITS } from '../src/model/authoring/draft-files-zip';
import { MAX_JSON_BYTES } from '../src/model/format/limits';
import { formatProblemList, hasErrors, type Problem } from '../src/model/format/problems';
import { validateBundleText } from '../src/model/format/validate-bundle';
import { filesReader, validateDatasetFolder } from '../src/model/format/validate-folder';
import type { Bundle } from '../src/model/format/bundle';
import { buildModel } from '../src/model/core/model-builder';
import { sourceTallies } from '../src/model/core/claims';
import { bundledDatasets, displayPath, folderReader } from './dataset-files';
import { heapShortfallOf } from './heap';

function validatePath(path: string): { problems: Problem[]; bundle?: Bundle } {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return {
      problems: [
        {
          severity: 'error',
          code: 'file-missing',
          file: displayPath(path),
          pointer: '',
          message: 'no such file or folder',
        },
      ],
    };
  }
  if (isDir) return validateDatasetFolder(displayPath(path), folderReader(path));
  const size = statSync(path).size;
  if (/\.zip$/i.test(path)) return validateZip(path, size);
  if (size > MAX_JSON_BYTES)
    return {
      problems: [
        {
          severity: 'error',
          code: 'too-large',
          file: displayPath(path),
          pointer: '',
          message: `file is ${size} bytes; the limit is ${MAX_JSON_BYTES}`,
        },
      ],
    };
  return validateBundleText(readFileSync(path, 'utf8'), displayPath(path));
}

/** A dataset folder zipped (as the Build workspace exports it): checked under the same limits as the app's import. */
function validateZip(path: string, size: number): { problems: Problem[]; bundle?: Bundle } {
  const label = displayPath(path);
  if (size > ZIP_LIMITS.maxZipBytes)
    return {
      problems: [
        {
          severity: 'error',
          code: 'too-large',
          file: label,
          pointer: '',
          message: `the zip is ${size} bytes; the limit is ${ZIP_LIMITS.maxZipBytes}`,
        },
      ],
    };
  const unzipped = unzipDataset(readFileSync(path), label);
  if (!unzipped.ok) return { problems: unzipped.problems };
  const { files } = unzipped;
  return validateDatasetFolder(label, filesReader(files));
}

const targets = process.argv.slice(2).filter((a) => a !== '--');
const paths = targets.length > 0 ? targets : bundledDatasets();
if (paths.length === 0) {
  console.error('No datasets found under graph-data/ and none named.');
  process.exit(1);
}
let failed = false;
for (const path of paths) {
  const tooLarge = heapShortfallOf(path);
  if (tooLarge) {
    failed = true;
    console.error(tooLarge);
    continue;
  }
  const { problems, bundle } = validatePath(path);
  // Errors first, so a cap on what is printed never hides an error behind warnings.
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const line of formatProblemList(errors)) console.error(line);
  for (const line of formatProblemList(warnings)) console.warn(line);
  if (hasErrors(problems) || !bundle) {
    failed = true;
    console.error(`${displayPath(path)}: ${errors.length} error(s)`);
    continue;
  }
  console.log(
    `${displayPath(path)}: ok — ${bundle.sources.length} source(s), ${bundle.entities.length} entities, ${bundle.relations.length} relations, ${bundle.quotes.length} quotes, ${bundle.relationTypes.length} relation types, ${warnings.length} warning(s)`,
  );
  for (const line of tallyLines(bundle)) console.log(line);
}

/** What each source says, by status, and how many relations two sources back or the sources dispute. */
function tallyLines(bundle: Bundle): string[] {
  const { sources, corroborated, contested } = sourceTallies(buildModel(bundle));
  const lines = sources.map(({ sourceId, relations, claims }) => {
    const byStatus = Object.entries(claims)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    return `  ${sourceId}: ${relations} relations; its claims by status: ${byStatus}`;
  });
  lines.push(`  ${corroborated} relations backed by two sources or more, ${contested} contested`);
  return lines;
}
process.exit(failed ? 1 : 0);
