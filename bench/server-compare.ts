/**
 * Old and new query shapes under the same load: imports one dataset into a throwaway PostgreSQL (with this
 * tree's importer, whose schema is a superset of the old one's), then runs the search and path queries of
 * this tree and of another checkout (`--old <dir>`, e.g. a git worktree of main) alternately, query by
 * query, against that one database, so the machine's load falls on both alike. Prints p50/p95 per shape,
 * how many path answers agree, and the load average as each run ended.
 *
 *   npx tsx bench/server-compare.ts --dataset <folder> --old <checkout> [--searches 1000] [--paths 200]
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readDatasetInput } from '../scripts/dataset-input';
import { openPg } from '../src/server/db-pg';
import { importBundle } from '../src/server/import';
import * as newPaths from '../src/server/paths';
import * as newQueries from '../src/server/queries';
import { startCluster } from './server-cluster';
import { summarize } from './stats';
import { makeWorkload } from './workload';
import { flag } from './cli-flags';

const dataset = flag('dataset');
const old = flag('old');
if (!dataset || !old) {
  console.error('usage: npx tsx bench/server-compare.ts --dataset <folder> --old <checkout>');
  process.exit(2);
}
const searches = Number(flag('searches') ?? 1000);
const pathPairs = Number(flag('paths') ?? 200);

const oldQueries = (await import(resolve(join(old, 'src/server/queries.ts')))) as typeof newQueries;
const oldPaths = (await import(resolve(join(old, 'src/server/paths.ts')))) as typeof newPaths;
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

const { bundle, problems } = readDatasetInput(dataset);
if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
say(`validated: ${bundle.relations.length} relations`);
const cluster = await startCluster(say);
try {
  const db = openPg(cluster.url, { max: 2 });
  const imported = await importBundle(db, bundle);
  say(`imported in ${(imported.ms / 1000).toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)}`);
  const version = imported.version;
  const w = makeWorkload(bundle.entities, bundle.relations, 1, {
    searchQueries: searches,
    expandQueries: 0,
    pathPairs,
    hopStarts: 50,
  });
  const time = async <T>(run: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const out = await run();
    return [performance.now() - t, out];
  };
  // Warm both shapes' indexes alike.
  for (const q of w.searchQueries.slice(0, 50)) {
    await newQueries.searchEntities(db, version, q, 10);
    await oldQueries.searchEntities(db, version, q, 10);
  }
  const s = { old: [] as number[], new: [] as number[] };
  let sameTop = 0;
  for (const [i, q] of w.searchQueries.entries()) {
    // Alternate which runs first, so neither always finds the other's pages cached.
    const order = i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    const got: Record<string, string[]> = {};
    for (const k of order) {
      const fn = k === 'old' ? oldQueries.searchEntities : newQueries.searchEntities;
      const [ms, hits] = await time(() => fn(db, version, q, 10));
      s[k].push(ms);
      got[k] = hits.map((h) => h.id);
    }
    if (got.old![0] === got.new![0]) sameTop++;
  }
  say(`search load ${loadavg()[0]!.toFixed(1)}`);
  const report = (k: 'old' | 'new', xs: number[]) => {
    const l = summarize(xs);
    return `${k} p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(0)} ms`;
  };
  console.log(
    `search (${searches}): ${report('old', s.old)}; ${report('new', s.new)}; same first hit ${sameTop}`,
  );

  const p = { old: [] as number[], new: [] as number[] };
  let same = 0;
  let found = 0;
  const options = newPaths.DEFAULT_SERVER_PATH_OPTIONS;
  for (const [i, [a, b]] of w.pathPairs.entries()) {
    const order = i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    const got: Record<string, string> = {};
    for (const k of order) {
      const fn = k === 'old' ? oldPaths.findPaths : newPaths.findPaths;
      const [ms, res] = await time(() => fn(db, version, a, b, options));
      p[k].push(ms);
      got[k] = JSON.stringify([res.paths.map((x) => x.entityIds.length), res.reason ?? null]);
      if (k === 'new' && res.paths.length > 0) found++;
    }
    if (got.old === got.new) same++;
  }
  say(`paths load ${loadavg()[0]!.toFixed(1)}`);
  console.log(
    `paths (${pathPairs}): ${report('old', p.old)}; ${report('new', p.new)}; same lengths and reason ${same}/${pathPairs}; found ${found}`,
  );
  await db.close();
} finally {
  cluster.stop();
}
