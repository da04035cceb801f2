/**
 * `npm run gen -- --entities N --relations M --seed S --out <dir> [--pretty] [--source-bytes B] [--part-records P]`:
 * writes a synthetic dataset folder; entities, quotes and relations past P records (default 500k) in parts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_PART_RECORDS, DEFAULT_SOURCE_BYTES, generateDataset } from './synthetic/generate';
import { displayPath, GRAPH_DATA } from './dataset-files';

const USAGE =
  'usage: npm run gen -- --entities N --relations M [--seed S] --out <dir> [--pretty] [--source-bytes B] [--part-records P]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const count = (name: string, fallback?: number) => {
  const raw = flag(name);
  // Accepts 100_000 and 100k as well as 100000: sizes are easier to read that way.
  const n = raw === undefined ? fallback : Number(raw.replace(/_/g, '').replace(/k$/i, '000'));
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number\n${USAGE}`);
    process.exit(2);
  }
  return n;
};

const out = flag('out');
if (!out) {
  console.error(USAGE);
  process.exit(2);
}
const started = performance.now();
let dataset;
try {
  dataset = generateDataset({
    entities: count('entities'),
    relations: count('relations'),
    seed: count('seed', 1),
    pretty: args.includes('--pretty'),
    sourceBytes: count('source-bytes', DEFAULT_SOURCE_BYTES),
    partRecords: count('part-records', DEFAULT_PART_RECORDS),
    schemaBase: relative(resolve(out), join(GRAPH_DATA, 'schema')).split('\\').join('/'),
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
let bytes = 0;
for (const [path, text] of dataset.files) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  bytes += Buffer.byteLength(text);
}
const s = dataset.summary;
console.log(
  `${displayPath(out)}: ${s.entities} entities, ${s.relations} relations, ${s.quotes} quotes, ${s.sources} sources, ` +
    `${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
