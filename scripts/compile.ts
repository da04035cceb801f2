/** `npm run compile -- <dataset-dir> --out <file.json>`: validates a dataset folder and writes the bundle the app loads. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatProblem, hasErrors } from '../src/model/problems';
import { validateDatasetFolder } from '../src/model/validate-folder';
import { displayPath, folderReader } from './dataset-files';

const args = process.argv.slice(2).filter((a) => a !== '--');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1);
if (!dir || !out) {
  console.error('usage: npm run compile -- <dataset-dir> --out <file.json>');
  process.exit(2);
}
const { problems, bundle } = validateDatasetFolder(displayPath(dir), folderReader(dir));
for (const p of problems) console.error(formatProblem(p));
if (hasErrors(problems) || !bundle) process.exit(1);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(bundle));
console.log(
  `${displayPath(out)}: ${bundle.entities.length} entities, ${bundle.relations.length} relations, ${bundle.quotes.length} quotes`,
);
