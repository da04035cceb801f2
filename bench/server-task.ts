/**
 * Child: validates a dataset folder, imports it into PostgreSQL (or an in-memory PGlite), then measures the
 * API over HTTP on 127.0.0.1: search, expand (a page of 50), a relation's evidence, paths of at most 4 hops;
 * and, given a build, the explorer served by the same server: expand-to-painted in Chromium.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { mulberry32 } from '../src/model/core/prng';
import { createApp } from '../src/server/app';
import { openPg } from '../src/server/db-pg';
import { openPglite } from '../src/server/db-pglite';
import { importBundle } from '../src/server/import';
import { readDatasetInput } from '../scripts/dataset-input';
import { summarize, type Latency } from './stats';
import { log, peakRss, runTask } from './tasks/task';
import { measureExplorerExpand, type ExplorerExpand } from './server-explorer';
import { makeWorkload, type WorkloadCounts } from './workload';

interface Input {
  dataset: string;
  /** A postgres:// URL, or "pglite" for the embedded database in memory. */
  database: string;
  seed: number;
  counts: WorkloadCounts;
  /** A build of the explorer to serve, and how many expansions to time in it. */
  explorer?: { dist: string; samples: number };
}

export interface ServerBenchResult {
  engine: string;
  validateMs: number;
  importMs: number;
  relationsPerSecond: number;
  steps: Record<string, number>;
  databaseBytes: number;
  latency: { search: Latency; expand: Latency; evidence: Latency; path: Latency };
  pathsFound: number;
  pathQueries: number;
  /** The explorer's expand-to-painted against this server, when a build was given. */
  explorer?: ExplorerExpand | { error: string };
  peakRss: number;
  /** The machine's 1-minute load average as the import began and ended, and as the latency runs ended: the 2 cores are shared. */
  load: { importStart: number; importEnd: number; latencyEnd: number };
  /** CPU seconds this process spent in the import (user + system), beside its wall time. */
  importCpuSeconds: number;
}

await runTask(async ({ dataset, database, seed, counts, explorer }: Input): Promise<ServerBenchResult> => {
  let t = performance.now();
  const { bundle, problems } = readDatasetInput(dataset);
  if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
  const validateMs = performance.now() - t;
  log(`validated in ${(validateMs / 1000).toFixed(1)} s`);
  const db = database === 'pglite' ? await openPglite() : openPg(database, { max: 4 });
  const steps: Record<string, number> = {};
  let last = '';
  const importStart = loadavg()[0]!;
  const cpu = process.cpuUsage();
  t = performance.now();
  let stepStart = t;
  const result = await importBundle(db, bundle, {
    onStep: (step) => {
      const now = performance.now();
      if (last) steps[last] = now - stepStart;
      log(step);
      last = step;
      stepStart = now;
    },
  });
  steps[last] = performance.now() - stepStart;
  const importMs = result.ms;
  const used = process.cpuUsage(cpu);
  const importEnd = loadavg()[0]!;
  log(`imported in ${(importMs / 1000).toFixed(1)} s`);
  const [size] = await db.query<{ bytes: string | number }>(
    'SELECT pg_database_size(current_database()) AS bytes',
  );

  const app = createApp({ db, ...(explorer ? { distDir: explorer.dist } : {}) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const base = `${origin}api/datasets/${encodeURIComponent(result.dataset)}`;
  const workload = makeWorkload(bundle.entities, bundle.relations, seed, counts);
  const rng = mulberry32(seed ^ 0xe71d);
  const relationIds = Array.from({ length: counts.expandQueries }, () => rng.pick(bundle.relations).id);
  const time = async (urls: string[], check?: (body: unknown) => void) => {
    const samples: number[] = [];
    for (const url of urls) {
      const start = performance.now();
      const res = await fetch(base + url);
      const body: unknown = await res.json();
      samples.push(performance.now() - start);
      if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      check?.(body);
    }
    return summarize(samples);
  };
  // Warm the caches the way a server that has been up a while has them.
  await time(workload.searchQueries.slice(0, 20).map((q) => `/search/entities?q=${encodeURIComponent(q)}`));
  log('measuring search');
  const search = await time(
    workload.searchQueries.map((q) => `/search/entities?q=${encodeURIComponent(q)}&limit=10`),
  );
  log('measuring expand');
  const expand = await time(
    workload.expandIds.map((id) => `/entities/${encodeURIComponent(id)}/neighbours?limit=50`),
  );
  log('measuring evidence');
  const evidence = await time(relationIds.map((id) => `/relations/${encodeURIComponent(id)}`));
  log('measuring paths');
  let found = 0;
  const path = await time(
    workload.pathPairs.map(
      ([a, b]) => `/paths?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}&maxLength=4`,
    ),
    (body) => {
      if ((body as { paths: unknown[] }).paths.length > 0) found++;
    },
  );
  let explorerExpand: ServerBenchResult['explorer'];
  if (explorer) {
    log('measuring the explorer: expand-to-painted in Chromium');
    explorerExpand = await measureExplorerExpand(
      origin,
      result.dataset,
      workload.expandIds,
      explorer.samples,
    ).catch((e: unknown) => ({ error: (e as Error).message.split('\n')[0]! }));
  }
  server.close();
  await db.close();
  return {
    engine: database === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL',
    validateMs,
    importMs,
    relationsPerSecond: bundle.relations.length / (importMs / 1000),
    steps,
    databaseBytes: Number(size!.bytes),
    latency: { search, expand, evidence, path },
    pathsFound: found,
    pathQueries: workload.pathPairs.length,
    ...(explorerExpand ? { explorer: explorerExpand } : {}),
    peakRss: peakRss(),
    load: { importStart, importEnd, latencyEnd: loadavg()[0]! },
    importCpuSeconds: (used.user + used.system) / 1e6,
  };
});
