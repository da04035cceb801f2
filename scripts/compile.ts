/**
 * `npm run compile -- <dataset-dir> --out <file.json> [--compact]`: validates a dataset folder and writes
 * the bundle the app loads, or with --compact the two files of a large dataset: the index (<file.json>)
 * and the evidence (<file>.evidence.json), listed in datasets/index.json as `file` and `evidence`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCompact } from '../src/model/format/compact/encode';
import { jsonLimitProblem } from '../src/model/format/limits';
import { formatProblem, formatProblemList, hasErrors } from '../src/model/format/problems';
import { validateDatasetFolder } from '../src/model/format/validate-folder';
import { displayPath, folderReader } from './dataset-files';

const args = process.argv.slice(2).filter((a) => a !== '--');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const compact = args.includes('--compact');
const dir = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1);
if (!dir || !out) {
  console.error('usage: npm run compile -- <dataset-dir> --out <file.json> [--compact]');
  process.exit(2);
}
const { problems, bundle } = validateDatasetFolder(displayPath(dir), folderReader(dir));
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const line of [...formatProblemList(errors), ...formatProblemList(warnings)]) console.error(line);
if (hasErrors(problems) || !bundle) process.exit(1);
/** Writes the files only if the app will open them all: it reads with the same limits. */
function write(files: Array<[path: string, text: string]>): void {
  const refused = files.flatMap(([path, text]) => jsonLimitProblem(text, displayPath(path)) ?? []);
  for (const p of refused) console.error(formatProblem(p));
  if (refused.length > 0) process.exit(1);
  for (const [path, text] of files) writeFileSync(path, text);
}
mkdirSync(dirname(out), { recursive: true });
const counts = `${bundle.entities.length} entities, ${bundle.relations.length} relations, ${bundle.quotes.length} quotes`;
if (compact) {
  const { index, evidence } = encodeCompact(bundle);
  const evidenceFile = out.replace(/(\.json)?$/, '.evidence.json');
  write([
    [out, JSON.stringify(index)],
    [evidenceFile, JSON.stringify(evidence)],
  ]);
  console.log(`${displayPath(out)} + ${displayPath(evidenceFile)}: ${counts}`);
} else {
  write([[out, JSON.stringify(bundle)]]);
  console.log(`${displayPath(out)}: ${counts}`);
}
