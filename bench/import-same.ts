/**
 * The importer's tables, another checkout's against this one's: validates a dataset once, imports it with
 * both into one throwaway PostgreSQL (bench/server-cluster.ts), each into a schema of its own, and compares
 * every version table's row count and a checksum of its rows (the version column left out). Exits 1 on any
 * difference.
 *
 *   npx tsx bench/import-same.ts --dataset <folder> --old <checkout>
 */
import { join, resolve } from 'node:path';
import { readDatasetInput } from '../scripts/dataset-input';
import * as newPg from '../src/server/db-pg';
import * as newImport from '../src/server/import';
import { partitionOf, VERSIONED_TABLES } from '../src/server/schema';
import { startCluster } from './server-cluster';
import { flag } from './cli-flags';

const dataset = flag('dataset');
const old = flag('old');
if (!dataset || !old) {
  console.error('usage: npx tsx bench/import-same.ts --dataset <folder> --old <checkout>');
  process.exit(2);
}
const oldPg = (await import(resolve(join(old, 'src/server/db-pg.ts')))) as typeof newPg;
const oldImport = (await import(resolve(join(old, 'src/server/import.ts')))) as typeof newImport;
const { bundle, problems } = readDatasetInput(dataset);
if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
const cluster = await startCluster((m) => console.log(m));
try {
  const sums: Record<string, Record<string, string>> = {};
  // This tree's importer last: it consumes the bundle, as db:import does.
  for (const [who, open, run] of [
    ['old', oldPg.openPg, oldImport.importBundle],
    ['new', newPg.openPg, newImport.importBundle],
  ] as const) {
    const admin = newPg.openPg(cluster.url, { max: 1 });
    await admin.query(`CREATE SCHEMA ${who}`);
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await admin.close();
    const db = open(cluster.url, { max: 4, searchPath: [who, 'public'] });
    const { version } = await run(db, bundle, { consume: who === 'new' });
    sums[who] = {};
    for (const table of VERSIONED_TABLES) {
      const [row] = await db.query<{ n: number; sum: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) AS sum
         FROM (SELECT (to_jsonb(t) - 'version')::text AS x FROM ${partitionOf(table, version)} t) rows`,
      );
      sums[who][table] = `${row!.n} rows, md5 ${row!.sum}`;
    }
    await db.close();
  }
  let same = true;
  for (const table of VERSIONED_TABLES) {
    const [a, b] = [sums.old![table], sums.new![table]];
    same &&= a === b;
    console.log(`${a === b ? 'same' : 'DIFFERENT'} ${table}: ${a}${a === b ? '' : ` → ${b}`}`);
  }
  process.exitCode = same ? 0 : 1;
} finally {
  cluster.stop();
}
