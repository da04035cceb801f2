/**
 * `npm run db:import -- <dataset folder | bundle.json | compact index.json> [--db URL]`: validates, then
 * loads the dataset into the server's database as its new version (atomically; the previous one is kept).
 * The database is --db, else DATABASE_URL, else the embedded PGlite folder .threadline-db/.
 */
import { formatProblemList, hasErrors } from '../src/model/format/problems';
import { importBundle } from '../src/server/import';
import { openDb, shownUrl, DEFAULT_PGLITE_DIR } from '../src/server/open-db';
import { readDatasetInput } from './dataset-input';
import { displayPath } from './dataset-files';
import { gcDuring, gcLine } from './gc-time';
import { heapShortfallOf } from './heap';

const USAGE =
  'usage: npm run db:import -- <dataset folder | bundle.json | compact index.json> [--db URL] [--times]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const dbAt = args.indexOf('--db');
if (dbAt >= 0 && !args[dbAt + 1]) {
  console.error(`--db needs a URL\n${USAGE}`);
  process.exit(2);
}
const url = dbAt >= 0 ? args[dbAt + 1] : process.env.DATABASE_URL;
const paths = args.filter((a, i) => !a.startsWith('--') && i !== dbAt + 1);
if (paths.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const path = paths[0]!;
const tooLarge = heapShortfallOf(path);
if (tooLarge) {
  console.error(`${tooLarge}; nothing was imported`);
  process.exit(1);
}
/** --times: where the time went (garbage collection, heap, each load task), for docs/performance.md. */
const times = args.includes('--times');
const gc = times ? gcDuring() : undefined;
const started = performance.now();
const { problems, bundle } = readDatasetInput(path);
const errors = problems.filter((p) => p.severity === 'error');
for (const line of formatProblemList(errors)) console.error(line);
for (const line of formatProblemList(problems.filter((p) => p.severity === 'warning'))) console.warn(line);
if (hasErrors(problems) || !bundle) {
  console.error(`${displayPath(path)}: ${errors.length} error(s); nothing was imported`);
  process.exit(1);
}
const validated = performance.now();
if (gc)
  console.log(
    `  validation: GC ${gcLine(await gc.stop())}; heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(1)} GB`,
  );
const importGc = times ? gcDuring() : undefined;
const importCpu = process.cpuUsage();
console.log(
  `${displayPath(path)}: valid (${((validated - started) / 1000).toFixed(1)} s); importing into ${url ? shownUrl(url) : DEFAULT_PGLITE_DIR}`,
);
const db = await openDb(url);
/** Holds the import at a step, inside its transaction, until the process is killed: how the server suite interrupts one. */
const holdAt = process.env.THREADLINE_IMPORT_HOLD_AT;
/** --times: when each step began, in s from the import's start (the load tasks' own clock starts at "loading"). */
const importStart = performance.now();
const at = () => (times ? ` (${((performance.now() - importStart) / 1000).toFixed(1)} s)` : '');
try {
  const result = await importBundle(db, bundle, {
    // Nothing here reads the bundle after its rows are written: the tables copied last get a smaller heap.
    consume: true,
    onStep: async (step) => {
      console.log(`  ${step}…${at()}`);
      // A timer keeps the process alive while it waits; nothing resolves the promise.
      if (step === holdAt) await new Promise(() => setInterval(() => {}, 60_000));
    },
  });
  if (importGc) {
    // Node's own CPU beside the wall time: on 2 cores, what is left of them is the database's.
    const cpu = process.cpuUsage(importCpu);
    console.log(
      `  import: GC ${gcLine(await importGc.stop())}; Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
    for (const [task, { start, end }] of Object.entries(result.tasks).sort((a, b) => a[1].start - b[1].start))
      console.log(`  ${task}: ${(start / 1000).toFixed(1)}–${(end / 1000).toFixed(1)} s`);
  }
  const seconds = result.ms / 1000;
  console.log(
    `${result.dataset}: version ${result.version} is current (previous: ${result.previousVersion ?? 'none'}); ` +
      `${result.counts.entities} entities, ${result.counts.relations} relations, ${result.counts.quotes} quotes in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.counts.relations / seconds)} relations/s)`,
  );
} catch (e) {
  console.error(`import failed, the previous version is unchanged: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
