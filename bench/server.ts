/**
 * `npm run bench -- --server`: the server section. Generates (or reuses) the datasets, starts a throwaway
 * PostgreSQL, and per size imports and measures the API there, and in the embedded PGlite at the sizes it
 * handles (--pglite-max relations); on PostgreSQL the explorer's expand-to-painted in Chromium too. With
 * --quick: the bundled dataset on PGlite only, API and explorer. Prints a table and returns the results for
 * bench/results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sizeLabel, type BenchOptions, type Size } from './args';
import { cachePaths, isGenerated } from './cache';
import { runChild } from './child';
import { ensureDist, removeServedDist, ROOT, SERVED_DIST } from './browser/dist';
import { startCluster, type Cluster } from './server-cluster';
import type { ServerBenchResult } from './server-task';

export interface ServerSizeResult {
  size: Size;
  runs: Array<ServerBenchResult | { engine: string; error: string }>;
}

export interface ServerRun {
  postgres?: string;
  error?: string;
  sizes: ServerSizeResult[];
}

const BIG_HEAP = '--max-old-space-size=16384';
/** Expansions timed in the explorer per run: each on a fresh page. */
const EXPLORER_SAMPLES = 40;

/** `--server --quick`: the bundled dataset on PGlite, the API and the explorer against it; seconds. */
async function runQuick(options: BenchOptions, say: (m: string) => void): Promise<ServerRun> {
  const dataset = join(ROOT, 'graph-data', 'trump-putin');
  say('server (quick): the bundled dataset on PGlite: import, API latency, explorer expand-to-painted');
  ensureDist(say);
  try {
    const out = runChild<ServerBenchResult>(
      'server-task.ts',
      {
        dataset,
        database: 'pglite',
        seed: options.seed,
        counts: { searchQueries: 100, expandQueries: 100, pathPairs: 20, hopStarts: 10 },
        explorer: { dist: SERVED_DIST, samples: EXPLORER_SAMPLES },
      },
      { timeoutMs: 10 * 60_000 },
    );
    return {
      sizes: [
        {
          size: { entities: 228, relations: 529 },
          runs: [out.ok ? out.result : { engine: 'PGlite (in memory)', error: out.error }],
        },
      ],
    };
  } finally {
    removeServedDist();
  }
}

export async function runServerBench(options: BenchOptions, say: (m: string) => void): Promise<ServerRun> {
  if (options.quick) return runQuick(options, say);
  const run: ServerRun = { sizes: [] };
  ensureDist(say);
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster(say);
    run.postgres = cluster.version;
    say(`PostgreSQL ${cluster.version} (throwaway cluster)`);
  } catch (e) {
    run.error = `PostgreSQL: ${(e as Error).message}`;
    say(run.error);
  }
  const counts = {
    searchQueries: options.searchQueries,
    expandQueries: options.expandQueries,
    pathPairs: options.pathPairs,
    hopStarts: options.hopStarts,
  };
  try {
    for (const size of options.sizes) {
      const label = sizeLabel(size);
      const paths = cachePaths(size, options.seed);
      const result: ServerSizeResult = { size, runs: [] };
      run.sizes.push(result);
      if (!isGenerated(paths)) {
        say(`${label}: generating into ${paths.root}`);
        mkdirSync(paths.root, { recursive: true });
        const gen = runChild(
          'tasks/generate.ts',
          { ...size, seed: options.seed, dir: paths.dataset, complete: paths.complete },
          { nodeFlags: [BIG_HEAP] },
        );
        if (!gen.ok) {
          result.runs.push({ engine: 'generate', error: gen.error });
          continue;
        }
      }
      const engines: Array<[string, string]> = [];
      if (cluster) engines.push(['PostgreSQL', cluster.url]);
      if (size.relations <= options.pgliteMaxRelations) engines.push(['PGlite (in memory)', 'pglite']);
      for (const [engine, database] of engines) {
        say(`${label}: ${engine}: validate, import, API latency`);
        const out = runChild<ServerBenchResult>(
          'server-task.ts',
          {
            dataset: paths.dataset,
            database,
            seed: options.seed,
            counts,
            ...(cluster && database === cluster.url
              ? { explorer: { dist: SERVED_DIST, samples: EXPLORER_SAMPLES } }
              : {}),
          },
          { nodeFlags: [BIG_HEAP], timeoutMs: 60 * 60_000 },
        );
        result.runs.push(out.ok ? out.result : { engine, error: out.error });
        if (cluster && database === cluster.url) {
          // Each size in a fresh database: drop what this one imported.
          const { openPg } = await import('../src/server/db-pg');
          const db = openPg(cluster.url);
          await db.query('DROP SCHEMA public CASCADE');
          await db.query('CREATE SCHEMA public');
          await db.close();
        }
      }
    }
  } finally {
    cluster?.stop();
    removeServedDist();
  }
  return run;
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toString());

export function serverTable(run: ServerRun): string {
  const head =
    '| size | engine | validate | import | relations/s | database | search p50/p95 | expand p50/p95 | evidence p50/p95 | path p50/p95 (found) | explorer expand-to-painted p50/p95 | load (import → latency) |';
  const rows = run.sizes.flatMap((s) =>
    s.runs.map((r) => {
      const label = `${s.size.entities.toLocaleString('en')} × ${s.size.relations.toLocaleString('en')}`;
      if ('error' in r) return `| ${label} | ${r.engine} | error: ${r.error} | | | | | | | | | |`;
      const l = r.latency;
      const x = r.explorer;
      const explorer = !x
        ? ''
        : 'error' in x
          ? `error: ${x.error}`
          : `${ms(x.latency.p50)} / ${ms(x.latency.p95)} ms (${x.latency.n} samples, ${x.misses} misses)`;
      return (
        `| ${label} | ${r.engine} | ${(r.validateMs / 1000).toFixed(1)} s | ${(r.importMs / 1000).toFixed(1)} s | ` +
        `${Math.round(r.relationsPerSecond).toLocaleString('en')} | ${(r.databaseBytes / 1e9).toFixed(2)} GB | ` +
        `${ms(l.search.p50)} / ${ms(l.search.p95)} ms | ${ms(l.expand.p50)} / ${ms(l.expand.p95)} ms | ` +
        `${ms(l.evidence.p50)} / ${ms(l.evidence.p95)} ms | ${ms(l.path.p50)} / ${ms(l.path.p95)} ms (${r.pathsFound}/${r.pathQueries}) | ${explorer} | ` +
        `${r.load.importStart.toFixed(1)}–${r.load.importEnd.toFixed(1)} → ${r.load.latencyEnd.toFixed(1)} |`
      );
    }),
  );
  return [
    `Server (PostgreSQL ${run.postgres ?? 'unavailable'}; API over HTTP on 127.0.0.1)`,
    '',
    head,
    `|${'---|'.repeat(12)}`,
    ...rows,
  ].join('\n');
}
