/**
 * The server's "Said in the sources" (`searchPassages` of src/server/api-passages.ts, what
 * `…/search/passages` answers) on a database already imported, read only: starts of 1–6 letters of words
 * the quotes hold, as a person types them, each searched with a page of 6 (the search box's). With --old
 * (another checkout's src/server/api-passages.ts), both run alternately, query by query, against the same
 * database. Per number of letters p50/p95, how many searches found something, the load average before and
 * after, and EXPLAIN (ANALYZE, BUFFERS) of every statement of the slowest searches (--explain-out).
 *
 *   npx tsx bench/server-passages.ts --db postgres://… [--dataset-id id] [--old <checkout>]
 *   options: --prefixes 300 --seed 1 --slowest 5 --explain-out <file> --timeout-ms 2000
 *
 * Every statement has --timeout-ms: the old search ranks every quote holding a common word (tens of
 * seconds at 5M), and a search cut off is counted at the timeout (so its percentiles are at least that).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from '../src/server/db';
import { openPg } from '../src/server/db-pg';
import * as newPassages from '../src/server/api-passages';
import { listDatasets, resolveVersion } from '../src/server/queries';
import { mulberry32 } from '../src/model/core/prng';
import { summarize } from './stats';
import { flag } from './cli-flags';

const url = flag('db');
if (!url) {
  console.error('usage: npx tsx bench/server-passages.ts --db <postgres url> [--old <checkout>] …');
  process.exit(2);
}
const prefixes = Number(flag('prefixes') ?? 300);
const seed = Number(flag('seed') ?? 1);
const slowest = Number(flag('slowest') ?? 5);
const old = flag('old');
const explainOut = flag('explain-out');
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const timeoutMs = Number(flag('timeout-ms') ?? 2000);
const PAGE = 6;

type Search = typeof newPassages.searchPassages;
const shapes: Array<[string, Search]> = [['new', newPassages.searchPassages]];
if (old) {
  const oldPassages = (await import(resolve(join(old, 'src/server/api-passages.ts')))) as typeof newPassages;
  shapes.unshift(['old', oldPassages.searchPassages]);
}

const timed = new URL(url);
timed.searchParams.set('options', `-c statement_timeout=${timeoutMs}`);
const db: Db = openPg(timed.toString(), { max: 2, readOnly: true });

/** Every statement a search sends, with its parameters, for EXPLAIN. */
function recording(inner: Db): { db: Db; sent: Array<[string, readonly unknown[]]> } {
  const sent: Array<[string, readonly unknown[]]> = [];
  const wrap = (db: Db): Db => ({
    ...db,
    query: (sql, params = []) => {
      sent.push([sql, params]);
      return db.query(sql, params);
    },
    // The passes run in a transaction: its statements are recorded too.
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
  });
  return { sent, db: wrap(inner) };
}

try {
  const datasets = await listDatasets(db);
  const id = flag('dataset-id') ?? datasets.sort((a, b) => b.counts.relations - a.counts.relations)[0]?.id;
  const version = id === undefined ? null : await resolveVersion(db, id);
  if (version === null) throw new Error(`no dataset ${id ?? ''} in the database`);

  // Words the quotes hold: those of quotes picked at random by row (the rows are numbered from 0).
  const random = mulberry32(seed);
  const [{ n }] = (await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM tl_quotes WHERE version = $1',
    [version],
  )) as [{ n: number }];
  const rows = Array.from({ length: prefixes }, () => random.int(n));
  const quotes = await db.query<{ exact: string }>(
    'SELECT exact FROM tl_quotes WHERE version = $1 AND row = ANY($2::int[])',
    [version, rows],
  );
  const typed: string[] = [];
  for (let i = 0; typed.length < prefixes; i++) {
    const words = quotes[i % quotes.length]!.exact.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) continue;
    const word = random.pick(words);
    const letters = 1 + random.int(6);
    typed.push(word.slice(0, letters));
  }
  say(`${id} v${version}: ${n} quotes; ${typed.length} typed starts; load ${load()}`);

  // Warm both alike, as on a server that has been up a while.
  for (const text of typed.slice(0, 10))
    for (const [, search] of shapes) await search(db, version, text, PAGE).catch(() => null);
  const times = new Map(
    shapes.map(([k]) => [k, [] as Array<{ ms: number; text: string; found: number; cut: boolean }>]),
  );
  for (const [i, text] of typed.entries()) {
    const order = i % 2 === 0 ? shapes : [...shapes].reverse();
    for (const [k, search] of order) {
      const t = performance.now();
      const hits = await search(db, version, text, PAGE).catch((e: unknown) => {
        if (!String(e).includes('statement timeout')) throw e;
        return null;
      });
      const ms = hits ? performance.now() - t : timeoutMs;
      times.get(k)!.push({ ms, text, found: hits?.length ?? 0, cut: !hits });
    }
  }
  say(`load ${load()} as the searches ended`);
  const fmt = (xs: readonly { ms: number; found: number; cut: boolean }[]) => {
    const l = summarize(xs.map((x) => x.ms));
    const found = xs.filter((x) => x.found > 0).length;
    const cut = xs.filter((x) => x.cut).length;
    return `p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} max ${l.max.toFixed(0)} ms; found something ${found}/${l.n}; cut off ${cut}`;
  };
  for (const [k, samples] of times) {
    console.log(`${k}: all ${fmt(samples)}`);
    for (let letters = 1; letters <= 6; letters++)
      console.log(`  ${letters} letters: ${fmt(samples.filter((s) => [...s.text].length === letters))}`);
  }

  const worst = [...times.get('new')!].sort((a, b) => b.ms - a.ms).slice(0, slowest);
  console.log(
    `slowest (new): ${worst.map((w) => `${JSON.stringify(w.text)} ${w.ms.toFixed(0)}`).join(', ')}`,
  );
  if (explainOut) {
    const lines: string[] = [];
    for (const { ms, text } of worst) {
      const rec = recording(db);
      await newPassages.searchPassages(rec.db, version, text, PAGE);
      lines.push(`\n=== ${JSON.stringify(text)}: ${ms.toFixed(1)} ms in the run`);
      for (const [sql, params] of rec.sent.filter(([sql]) => !sql.startsWith('SET '))) {
        // Settings as the search had them (SET LOCAL outlives its statement only in a transaction).
        const plan = await db.transaction(async (tx) => {
          await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
          return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        });
        lines.push(
          `--- ${sql.replace(/\s+/g, ' ').slice(0, 160)}…  params ${JSON.stringify(params).slice(0, 200)}`,
        );
        lines.push(...plan.map((p) => p['QUERY PLAN']));
      }
    }
    writeFileSync(explainOut, lines.join('\n') + '\n');
    say(`plans of the slowest written to ${explainOut}`);
  }
} finally {
  await db.close();
}
