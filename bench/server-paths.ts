/**
 * Path searches on a database already imported (read only: nothing is written), old shape against new under
 * one load: the API benchmark's 200 pairs (the same workload, drawn from the entities in row order), each
 * searched by this tree's `findPaths` and by another checkout's (`--old <dir>`, e.g. `git archive main src`
 * unpacked), alternately, query by query. Prints p50/p95 per shape, how many answers are identical (paths,
 * `more` and `reason`), the load average, and the slowest searches layer by layer.
 *
 *   npx tsx bench/server-paths.ts --db postgres://… [--old <checkout>] [--dataset <id>] [--pairs 200]
 *     [--seed 1] [--slowest 10] [--max-length 4] [--http]
 *
 * With --http it then times the same pairs through the API, as the server benchmark does (this tree's
 * search only: served by createApp on 127.0.0.1, JSON and all).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../src/server/app';
import { openPg } from '../src/server/db-pg';
import * as newPaths from '../src/server/paths';
import { summarize } from './stats';
import { makeWorkload } from './workload';
import { args, flag } from './cli-flags';

const url = flag('db');
if (!url) {
  console.error(
    'usage: npx tsx bench/server-paths.ts --db <postgres url> [--old <checkout>] [--dataset <id>]',
  );
  process.exit(2);
}
const old = flag('old');
const pairCount = Number(flag('pairs') ?? 200);
const seed = Number(flag('seed') ?? 1);
const slowest = Number(flag('slowest') ?? 10);
const maxLength = Number(flag('max-length') ?? 4);
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

const oldPaths = old
  ? ((await import(resolve(join(old, 'src/server/paths.ts')))) as typeof newPaths)
  : undefined;
// Read only, the API's schema check included: the database may be shared.
const db = openPg(url, { max: 2, readOnly: true });
const [dataset] = await db.query<{ id: string; version: number }>(
  `SELECT d.id, d.current_version AS version FROM tl_datasets d ${flag('dataset') ? 'WHERE d.id = $1' : ''} ORDER BY d.id LIMIT 1`,
  flag('dataset') ? [flag('dataset')] : [],
);
if (!dataset) throw new Error('no dataset in that database');
const version = dataset.version;
const entities = await db.query<{ id: string; name: string }>(
  'SELECT id, name FROM tl_entities WHERE version = $1 ORDER BY row',
  [version],
);
say(`${dataset.id} (version ${version}): ${entities.length} entities`);
// The API benchmark's workload (bench/server.ts, seed 1): its pairs follow 1000 searches and 1000 expands,
// of which the 10 biggest hubs take no draw. Which entities are the hubs does not change the pairs, only
// that there are ten of them; ten stand-in relations say so without reading millions.
const standIns = entities.slice(0, 20).map((e, i, all) => ({ source: e.id, target: all[(i + 1) % 20]!.id }));
const workload = makeWorkload(entities, standIns, seed, {
  searchQueries: 1000,
  expandQueries: 1000,
  pathPairs: pairCount,
  hopStarts: 60,
});

const options: newPaths.ServerPathOptions = { ...newPaths.DEFAULT_SERVER_PATH_OPTIONS, maxLength };
type Shape = 'old' | 'new';
interface Sample {
  pair: [string, string];
  ms: number;
  layers: newPaths.PathLayer[];
  answer: string;
  length: number | null;
}
const samples: Record<Shape, Sample[]> = { old: [], new: [] };
const run = async (k: Shape, pair: [string, string]): Promise<Sample> => {
  const fn = k === 'old' ? oldPaths!.findPaths : newPaths.findPaths;
  const layers: newPaths.PathLayer[] = [];
  const t = performance.now();
  const res = await fn(db, version, pair[0], pair[1], { ...options, onLayer: (l) => layers.push(l) });
  const ms = performance.now() - t;
  return {
    pair,
    ms,
    layers,
    answer: JSON.stringify(res),
    length: res.paths[0] ? res.paths[0].entityIds.length - 1 : null,
  };
};
// Warm the indexes both shapes read.
for (const pair of workload.pathPairs.slice(0, 10)) {
  if (oldPaths) await run('old', pair);
  await run('new', pair);
}
const loadStart = loadavg()[0]!;
let same = 0;
const differ: string[] = [];
for (const [i, pair] of workload.pathPairs.entries()) {
  const order: Shape[] = !oldPaths ? ['new'] : i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  const got: Partial<Record<Shape, Sample>> = {};
  for (const k of order) {
    got[k] = await run(k, pair);
    samples[k].push(got[k]);
  }
  if (oldPaths) {
    if (got.old!.answer === got.new!.answer) same++;
    else differ.push(`${pair.join(' → ')}\n  old ${got.old!.answer}\n  new ${got.new!.answer}`);
  }
}
const loadEnd = loadavg()[0]!;
const report = (k: Shape) => {
  const l = summarize(samples[k].map((s) => s.ms));
  return `${k} p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(0)} ms`;
};
// New searches by answer: hops found, or why none.
const byAnswer = new Map<string, number[]>();
for (const s of samples.new) {
  const key =
    s.length === null ? ((JSON.parse(s.answer) as { reason?: string }).reason ?? '?') : `${s.length}`;
  byAnswer.set(key, [...(byAnswer.get(key) ?? []), s.ms]);
}
console.log(
  `paths (${workload.pathPairs.length}, ≤ ${maxLength} hops) load ${loadStart.toFixed(1)} → ${loadEnd.toFixed(1)}: ${oldPaths ? `${report('old')}; ` : ''}${report('new')}${oldPaths ? `; identical answers ${same}/${workload.pathPairs.length}` : ''}`,
);
const spread = (ms: number[]) => `${summarize(ms).p50.toFixed(0)} / ${summarize(ms).max.toFixed(0)}`;
console.log(
  `answers (new p50 / max ms): ${[...byAnswer].map(([k, ms]) => `${k}: ${ms.length} (${spread(ms)})`).join(', ')}`,
);
for (const d of differ.slice(0, 5)) console.log(`DIFFERS ${d}`);
for (const k of oldPaths ? (['old', 'new'] as const) : (['new'] as const)) {
  console.log(`slowest ${k}:`);
  for (const s of [...samples[k]].sort((a, b) => b.ms - a.ms).slice(0, slowest))
    console.log(
      `  ${s.ms.toFixed(0).padStart(5)} ms ${s.pair.join(' → ')} (${s.length ?? (JSON.parse(s.answer) as { reason?: string }).reason}): ${s.layers
        .map(
          (l) =>
            `${l.side} ${l.frontier}/${l.weight}→${l.rows}${l.ms !== undefined ? ` ${l.ms.toFixed(0)}ms` : ''}`,
        )
        .join(', ')}`,
    );
}
if (args.includes('--http')) {
  const server = serve({ fetch: createApp({ db }).fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/datasets/${encodeURIComponent(dataset.id)}`;
  const load = loadavg()[0]!;
  const times: number[] = [];
  for (const [a, b] of workload.pathPairs) {
    const t = performance.now();
    const res = await fetch(
      `${api}/paths?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}&maxLength=${maxLength}`,
    );
    await res.json();
    times.push(performance.now() - t);
    if (!res.ok) throw new Error(`${a} → ${b}: ${res.status}`);
  }
  const l = summarize(times);
  console.log(
    `over HTTP, load ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(0)} ms`,
  );
  server.close();
}
await db.close();
