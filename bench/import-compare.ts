/**
 * The importer before and after, back to back under the same load: validates a dataset once, then imports
 * it into one throwaway PostgreSQL (bench/server-cluster.ts) alternately with another checkout's importer
 * (`--old <dir>`, e.g. `git archive main src | tar -x -C <dir>` with node_modules linked) and this tree's,
 * each into an empty schema. Prints each run's time, relations/s, load average, and this tree's task times.
 *
 *   npx tsx bench/import-compare.ts --dataset <folder> --old <checkout> [--rounds 1] [--wal-minimal]
 *   npx tsx bench/import-compare.ts --dataset <folder> --new-only   (this tree's importer alone, e.g. at 5M)
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readDatasetInput } from '../scripts/dataset-input';
import { gcDuring, gcLine } from '../scripts/gc-time';
import type { Db } from '../src/server/db';
import * as newPg from '../src/server/db-pg';
import * as newImport from '../src/server/import';
import { startCluster } from './server-cluster';
import { args, flag } from './cli-flags';

const dataset = flag('dataset');
const old = flag('old');
const newOnly = args.includes('--new-only');
if (!dataset || (!old && !newOnly)) {
  console.error('usage: npx tsx bench/import-compare.ts --dataset <folder> --old <checkout> [--rounds N]');
  process.exit(2);
}
const rounds = Number(flag('rounds') ?? 1);
const oldPg = old ? ((await import(resolve(join(old, 'src/server/db-pg.ts')))) as typeof newPg) : newPg;
const oldImport = old
  ? ((await import(resolve(join(old, 'src/server/import.ts')))) as typeof newImport)
  : newImport;
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

const validateStart = performance.now();
const validateGc = gcDuring();
const { bundle, problems } = readDatasetInput(dataset);
say(
  `validated in ${((performance.now() - validateStart) / 1000).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(1)} GB; GC ${gcLine(await validateGc.stop())}`,
);
if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
const walMinimal = args.includes('--wal-minimal');
const cluster = await startCluster(say, walMinimal ? ['wal_level=minimal', 'max_wal_senders=0'] : []);
try {
  const runs: Array<{ who: string; seconds: number; perSecond: number; load: [number, number] }> = [];
  for (let round = 0; round < rounds; round++)
    for (const [who, open, importBundle] of [
      ...(newOnly ? [] : ([['old', oldPg.openPg, oldImport.importBundle]] as const)),
      ['new', newPg.openPg, newImport.importBundle] as const,
    ]) {
      const db: Db = open(cluster.url, { max: 4 });
      await db.query('DROP SCHEMA IF EXISTS public CASCADE');
      await db.query('CREATE SCHEMA public');
      await db.query('CHECKPOINT');
      const load0 = loadavg()[0]!;
      say(`${who}: importing ${bundle.relations.length} relations (load ${load0.toFixed(1)})`);
      const gc = gcDuring();
      const heapBefore = process.memoryUsage().heapUsed;
      // --consume: the last run empties the bundle as db:import does (none can follow it).
      const last = who === 'new' && round === rounds - 1;
      const result = await importBundle(db, bundle, { consume: last && args.includes('--consume') });
      const gcMs = await gc.stop();
      const seconds = result.ms / 1000;
      say(`${who}: heap ${(heapBefore / 2 ** 30).toFixed(1)} GB before; GC ${gcLine(gcMs)}`);
      const run = {
        who,
        seconds,
        perSecond: bundle.relations.length / seconds,
        load: [load0, loadavg()[0]!] as [number, number],
      };
      runs.push(run);
      say(
        `${who}: ${seconds.toFixed(1)} s, ${Math.round(run.perSecond)} relations/s (load ${run.load[1].toFixed(1)})`,
      );
      if ('tasks' in result)
        say(
          Object.entries(result.tasks as Record<string, { start: number; end: number }>)
            .sort((a, b) => a[1].start - b[1].start)
            .map(([t, { start, end }]) => `${t} ${(start / 1000).toFixed(1)}–${(end / 1000).toFixed(1)} s`)
            .join(', '),
        );
      await db.close();
    }
  const [wal] = await (async () => {
    const db = newPg.openPg(cluster.url, { max: 1 });
    try {
      return await db.query<{ wal_level: string }>('SHOW wal_level');
    } finally {
      await db.close();
    }
  })();
  console.log(JSON.stringify({ dataset, walLevel: wal?.wal_level, runs }));
} finally {
  cluster.stop();
}
