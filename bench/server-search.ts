/**
 * The server's typeahead under the benchmark's own query mix, on a database already imported (read only)
 * or on a throwaway cluster this imports a dataset into. Per kind of query (a name's start, a word's start,
 * a typo) p50/p95, beside a bare `SELECT 1` timed between searches as the floor of a round trip at that
 * moment; with --old, another checkout's searchEntities run alternately, query by query, against the same
 * database, and how many answers agree. The slowest queries are run again with EXPLAIN (ANALYZE, BUFFERS) on
 * each statement they send, written to --explain-out.
 *
 *   npx tsx bench/server-search.ts --db postgres://… [--dataset-id id] [--old <checkout>]
 *   npx tsx bench/server-search.ts --import <dataset folder> [--old <checkout>]
 *   options: --searches 1000 --seed 1 --slowest 20 --explain-out <file>
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readDatasetInput } from '../scripts/dataset-input';
import type { Db } from '../src/server/db';
import { openPg } from '../src/server/db-pg';
import { importBundle } from '../src/server/import';
import * as newQueries from '../src/server/queries';
import { startCluster, type Cluster } from './server-cluster';
import { summarize } from './stats';
import { labelledSearchQueries, type SearchKind } from './workload';
import { flag } from './cli-flags';

const url = flag('db');
const folder = flag('import');
if (!url === !folder) {
  console.error('usage: npx tsx bench/server-search.ts (--db <postgres url> | --import <dataset folder>) …');
  process.exit(2);
}
const searches = Number(flag('searches') ?? 1000);
const seed = Number(flag('seed') ?? 1);
const slowest = Number(flag('slowest') ?? 20);
const old = flag('old');
const explainOut = flag('explain-out');
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const load = () => loadavg()[0]!.toFixed(1);

type Search = typeof newQueries.searchEntities;
const shapes: Array<[string, Search]> = [['new', newQueries.searchEntities]];
if (old) {
  const oldQueries = (await import(resolve(join(old, 'src/server/queries.ts')))) as typeof newQueries;
  shapes.unshift(['old', oldQueries.searchEntities]);
}

let cluster: Cluster | undefined;
let db: Db;
if (folder) {
  const { bundle, problems } = readDatasetInput(folder);
  if (!bundle) throw new Error(`invalid dataset: ${problems.length} problems`);
  cluster = await startCluster(say);
  db = openPg(cluster.url, { max: 2 });
  const imported = await importBundle(db, bundle);
  say(`imported ${bundle.relations.length} relations in ${(imported.ms / 1000).toFixed(1)} s`);
} else db = openPg(url!, { max: 2, readOnly: true });

/** Every statement a search sends, with its parameters, for EXPLAIN. */
function recording(inner: Db): { db: Db; sent: Array<[string, readonly unknown[]]> } {
  const sent: Array<[string, readonly unknown[]]> = [];
  return {
    sent,
    db: {
      ...inner,
      query: (sql, params = []) => {
        sent.push([sql, params]);
        return inner.query(sql, params);
      },
    },
  };
}

try {
  const datasets = await newQueries.listDatasets(db);
  const id = flag('dataset-id') ?? datasets.sort((a, b) => b.counts.relations - a.counts.relations)[0]?.id;
  const version = id === undefined ? null : await newQueries.resolveVersion(db, id);
  if (version === null) throw new Error(`no dataset ${id ?? ''} in the database`);
  const names = await db.query<{ name: string }>(
    'SELECT name FROM tl_entities WHERE version = $1 ORDER BY row',
    [version],
  );
  const queries = labelledSearchQueries(names, seed, searches);
  say(`${id} v${version}: ${names.length} entities; ${searches} searches; load ${load()}`);

  // Warm every shape's indexes alike, as on a server that has been up a while.
  for (const { text } of queries.slice(0, 50))
    for (const [, search] of shapes) await search(db, version, text, 10);
  const times = new Map(
    shapes.map(([k]) => [k, [] as Array<{ ms: number; text: string; kind: SearchKind }>]),
  );
  const floor: number[] = [];
  let sameTop = 0;
  let samePage = 0;
  for (const [i, { text, kind }] of queries.entries()) {
    let t = performance.now();
    await db.query('SELECT 1');
    floor.push(performance.now() - t);
    // Alternate which runs first, so neither always finds the other's pages cached.
    const order = i % 2 === 0 ? shapes : [...shapes].reverse();
    const got: string[][] = [];
    for (const [k, search] of order) {
      t = performance.now();
      const hits = await search(db, version, text, 10);
      times.get(k)!.push({ ms: performance.now() - t, text, kind });
      got.push(hits.map((h) => h.id));
    }
    if (got.length === 2) {
      if (got[0]![0] === got[1]![0]) sameTop++;
      if (got[0]!.join() === got[1]!.join()) samePage++;
    }
  }
  const fmt = (xs: number[]) => {
    const l = summarize(xs);
    return `p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} max ${l.max.toFixed(0)} ms (n ${l.n})`;
  };
  say(`load ${load()} as the searches ended`);
  console.log(`SELECT 1 (floor, between searches): ${fmt(floor)}`);
  for (const [k, samples] of times) {
    console.log(`${k}: all ${fmt(samples.map((s) => s.ms))}`);
    for (const kind of ['name prefix', 'word prefix', 'typo'] as const)
      console.log(`  ${kind}: ${fmt(samples.filter((s) => s.kind === kind).map((s) => s.ms))}`);
  }
  if (shapes.length === 2)
    console.log(`same first hit ${sameTop}/${searches}; same page of 10 ${samePage}/${searches}`);

  const newest = times.get('new')!;
  const worst = [...newest].sort((a, b) => b.ms - a.ms).slice(0, slowest);
  const lines: string[] = [];
  for (const { ms, text, kind } of worst) {
    const rec = recording(db);
    await newQueries.searchEntities(rec.db, version, text, 10);
    lines.push(`\n=== ${JSON.stringify(text)} (${kind}): ${ms.toFixed(1)} ms in the run`);
    for (const [sql, params] of rec.sent) {
      const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      lines.push(
        `--- ${sql.replace(/\s+/g, ' ').slice(0, 160)}…  params ${JSON.stringify(params).slice(0, 200)}`,
      );
      lines.push(...plan.map((p) => p['QUERY PLAN']));
    }
  }
  console.log(
    `slowest ${worst.length} (new): ${worst.map((w) => `${JSON.stringify(w.text)} ${w.ms.toFixed(0)}`).join(', ')}`,
  );
  if (explainOut) {
    writeFileSync(explainOut, lines.join('\n') + '\n');
    say(`plans of the slowest written to ${explainOut}`);
  }
} finally {
  await db.close();
  cluster?.stop();
}
