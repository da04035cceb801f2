/** `npm run bench`: generates (or reuses) datasets, then measures validation, load, queries, with --peers other engines, and the app in Chromium. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, sizeLabel, USAGE, type BenchOptions, type Size } from './args';
import { cachePaths, isGenerated, type CachePaths } from './cache';
import { runChild } from './child';
import { runBrowser } from './browser/run-browser';
import { runServerBench, serverTable } from './server';
import { browserHeading, browserTable } from './browser/table';
import type { PeerResult } from './peers/engine';
import { installPeers, type PeerInstall } from './peers/install';
import { findLbug, type LbugRuntime } from './peers/lbug-compat';
import type { RunResult, SizeResult } from './results';
import {
  compactTable,
  fullTextCompareTable,
  fullTextTable,
  loadBreakdown,
  mainTable,
  peerTable,
} from './table';
import type { CompactEncodeResult } from './tasks/compact-encode';
import type { CompactLoadResult } from './tasks/compact-load';
import type { FloorResult } from './tasks/floor';
import type { FullTextResult } from './tasks/full-text';
import type { LoadResult } from './tasks/load';
import type { ValidateResult } from './tasks/validate';
import type { AuthoringInput, AuthoringResult } from './tasks/authoring';
import { authoringTables } from './authoring/table';

/** Large datasets need more than Node's default ~4 GB heap to validate and load side by side with their text. */
const BIG_HEAP = '--max-old-space-size=16384';

let options: BenchOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

const say = (m: string) => console.log(`[bench] ${m}`);

if (options.explorerDb) {
  const { measureExplorerOnDatabase } = await import('./server-explorer');
  const dist = join(import.meta.dirname, '..', 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no build in dist/: run npx vite build first');
  const load = loadavg();
  say(
    `explorer on ${options.explorerDb.url.replace(/\/\/[^@/]*@/, '//')} (load ${load.map((l) => l.toFixed(2)).join(' ')})`,
  );
  const result = await measureExplorerOnDatabase({
    ...options.explorerDb,
    seed: options.seed,
    distDir: dist,
  });
  console.log(JSON.stringify({ ...result, load: { before: load, after: loadavg() } }, null, 2));
  process.exit(0);
}

if (options.importFloor) {
  for (const size of options.sizes) {
    const paths = cachePaths(size, options.seed);
    if (!isGenerated(paths)) {
      say(`${sizeLabel(size)}: generating into ${paths.root}`);
      mkdirSync(paths.root, { recursive: true });
      const gen = runChild(
        'tasks/generate.ts',
        { ...size, seed: options.seed, dir: paths.dataset, complete: paths.complete },
        { nodeFlags: ['--max-old-space-size=16384'] },
      );
      if (!gen.ok) throw new Error(gen.error);
    }
    say(`${sizeLabel(size)}: import floor`);
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=16384',
        '--import',
        'tsx',
        join(import.meta.dirname, 'import-floor.ts'),
        '--dataset',
        paths.dataset,
        ...(options.walMinimal ? ['--wal-minimal'] : []),
      ],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) process.exit(1);
  }
  process.exit(0);
}

if (options.server) {
  const startedAt = new Date().toISOString();
  const server = await runServerBench(options, say);
  console.log(`\n${serverTable(server)}\n`);
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `server-${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', totalMemory: totalmem(), node: process.version }, options, server }, null, 2)}\n`,
  );
  say(`results written to ${file}`);
  const failed = Boolean(server.error) || server.sizes.some((s) => s.runs.some((r) => 'error' in r));
  process.exit(failed ? 1 : 0);
}
const counts = {
  searchQueries: options.searchQueries,
  expandQueries: options.expandQueries,
  pathPairs: options.pathPairs,
  hopStarts: options.hopStarts,
};

interface Peers {
  install: PeerInstall;
  lbug: LbugRuntime;
}

function runPeers(size: Size, dataset: string, peers: Peers, result: SizeResult) {
  const scratch = mkdtempSync(join(tmpdir(), 'threadline-peers-'));
  const input = {
    dataset,
    seed: options.seed,
    counts,
    pathPairs: options.peerPairs,
    budgetMs: options.quick ? 15_000 : 60_000,
    scratch,
  };
  const { install, lbug } = peers;
  const engines: Array<[string, string, Record<string, string>, object]> = [
    ['graphology', 'peers/graphology.ts', {}, {}],
  ];
  if (install.ok) engines.push(['sqlite', 'peers/sqlite.ts', {}, {}]);
  else result.peers.push({ engine: 'sqlite', error: `not run: ${install.error}` });
  if (lbug.ok) engines.push(['lbug', 'peers/lbug.ts', lbug.env, { module: lbug.module }]);
  else result.peers.push({ engine: 'lbug', error: `not run: ${lbug.error}` });
  for (const [engine, task, env, extra] of engines) {
    say(`${sizeLabel(size)}: peer ${engine}`);
    const out = runChild<PeerResult>(
      task,
      { ...input, ...extra },
      { env, nodeFlags: [BIG_HEAP], timeoutMs: 20 * 60_000 },
    );
    if (!out.ok) {
      result.peers.push({ engine, error: out.error });
      continue;
    }
    if (engine === 'lbug' && lbug.ok) out.result.notes.push(lbug.note);
    result.peers.push(out.result);
  }
  rmSync(scratch, { recursive: true, force: true });
  const reference = result.peers.find((p): p is PeerResult => p.engine === 'graphology' && !('error' in p));
  for (const p of result.peers) {
    if ('error' in p || !reference) continue;
    const classes = [
      ...(['1', '2', '3'] as const).map((k) => [p.hops[k], reference.hops[k]] as const),
      [p.path, reference.path] as const,
    ];
    result.peerMismatches[p.engine] = classes.reduce(
      (n, [mine, ref]) =>
        n + mine.answers.filter((a, i) => i < ref.answers.length && a !== ref.answers[i]).length,
      0,
    );
  }
}

function runCompact(paths: CachePaths, result: SizeResult) {
  const label = sizeLabel(result.size);
  say(`${label}: compact index encode + load`);
  const encode = runChild<CompactEncodeResult>(
    'tasks/compact-encode.ts',
    { bundle: paths.bundle, index: paths.compactIndex, evidence: paths.compactEvidence },
    { nodeFlags: [BIG_HEAP] },
  );
  if (!encode.ok) {
    result.errors.push(`compact encode: ${encode.error}`);
    return;
  }
  const load = runChild<CompactLoadResult>(
    'tasks/compact-load.ts',
    { index: paths.compactIndex, evidence: paths.compactEvidence, seed: options.seed, ...counts },
    { nodeFlags: ['--expose-gc', BIG_HEAP] },
  );
  if (!load.ok) result.errors.push(`compact load: ${load.error}`);
  const reference = result.load?.path.lengths;
  result.compact = {
    encode: encode.result,
    ...(load.ok ? { load: load.result } : {}),
    ...(load.ok && reference
      ? { pathMismatches: load.result.pathLengths.filter((d, i) => d !== reference[i]).length }
      : {}),
  };
}

/** The code before the typed-array index, then the current one, each in a fresh process on the same bundle. */
function fullTextOnly(paths: CachePaths, result: SizeResult): SizeResult {
  const label = sizeLabel(result.size);
  if (!existsSync(paths.bundle)) {
    say(`${label}: compile the bundle`);
    const validate = runChild<ValidateResult>(
      'tasks/validate.ts',
      { dataset: paths.dataset, bundle: paths.bundle, rows: paths.rows },
      { nodeFlags: [BIG_HEAP] },
    );
    if (!validate.ok) {
      result.errors.push(`validate: ${validate.error}`);
      return result;
    }
  }
  result.fullText = [];
  for (const engine of ['before', 'current'] as const) {
    say(`${label}: full-text search (${engine})`);
    const out = runChild<FullTextResult>(
      'tasks/full-text.ts',
      { bundle: paths.bundle, seed: options.seed, searchQueries: options.searchQueries, engine },
      { nodeFlags: ['--expose-gc', BIG_HEAP] },
    );
    if (out.ok) result.fullText.push(out.result);
    else result.errors.push(`full-text (${engine}): ${out.error}`);
  }
  return result;
}

function benchSize(size: Size, peers: Peers | undefined): SizeResult {
  const label = sizeLabel(size);
  const paths = cachePaths(size, options.seed);
  const result: SizeResult = { size, generated: { cached: true }, peers: [], peerMismatches: {}, errors: [] };
  const fail = (what: string, error: string) => {
    result.errors.push(`${what}: ${error}`);
    say(`${label}: ${what} failed: ${error}`);
    return result;
  };

  if (!isGenerated(paths)) {
    say(`${label}: generating into ${paths.root}`);
    mkdirSync(paths.root, { recursive: true });
    const gen = runChild<{ ms: number; quotes: number; sources: number; bytes: number }>(
      'tasks/generate.ts',
      { ...size, seed: options.seed, dir: paths.dataset, complete: paths.complete },
      { nodeFlags: [BIG_HEAP] },
    );
    if (!gen.ok) return fail('generate', gen.error);
    result.generated = {
      cached: false,
      ms: gen.result.ms,
      quotes: gen.result.quotes,
      sources: gen.result.sources,
      bytes: gen.result.bytes,
    };
  }
  // The Browser section only needs the dataset folder; it compiles (or reuses) the bundle itself.
  if (options.browserOnly) return result;
  if (options.fullTextOnly) return fullTextOnly(paths, result);
  say(`${label}: validate + compile`);
  const validate = runChild<ValidateResult>(
    'tasks/validate.ts',
    { dataset: paths.dataset, bundle: paths.bundle, rows: paths.rows },
    { nodeFlags: [BIG_HEAP] },
  );
  if (!validate.ok) return fail('validate', validate.error);
  result.validate = validate.result;
  say(`${label}: load floor (JSON.parse of plain rows)`);
  const floor = runChild<FloorResult>(
    'tasks/floor.ts',
    { rows: paths.rows },
    { nodeFlags: ['--expose-gc', BIG_HEAP] },
  );
  if (floor.ok) result.floor = floor.result;
  else fail('floor', floor.error);
  say(`${label}: load + queries`);
  const load = runChild<LoadResult>(
    'tasks/load.ts',
    { bundle: paths.bundle, seed: options.seed, ...counts },
    { nodeFlags: ['--expose-gc', BIG_HEAP] },
  );
  if (load.ok) result.load = load.result;
  else fail('load', load.error);
  runCompact(paths, result);
  if (peers && size.entities <= options.peersMaxEntities) runPeers(size, paths.dataset, peers, result);
  return result;
}

const run: RunResult = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    totalMemory: totalmem(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  options,
  sizes: [],
};
/** The engines are installed into bench/peers on first use; without them only graphology runs. */
function preparePeers(): Peers {
  const install = installPeers(say);
  if (!install.ok) say(`peer engines unavailable: ${install.error}`);
  const lbug: LbugRuntime = install.ok ? findLbug() : { ok: false, error: install.error };
  if (install.ok && !lbug.ok) say(`lbug unavailable: ${lbug.error}`);
  run.peersInstall = install;
  return { install, lbug };
}
/** The bundled article and its one source: the dataset the suggestions are measured against. */
const AUTHORING: Omit<AuthoringInput, 'words'> = {
  dataset: join(import.meta.dirname, '..', 'graph-data', 'trump-putin'),
  source: 'trump-putin-worldcrunch',
};
function runAuthoring() {
  say('authoring: suggestions on the bundled article and a 20,000-word text');
  const out = runChild<AuthoringResult>('tasks/authoring.ts', { ...AUTHORING, words: 20_000 });
  if (out.ok) run.authoring = out.result;
  else {
    run.authoringError = out.error;
    say(`authoring failed: ${out.error}`);
  }
}

const only = options.browserOnly || options.authoringOnly || options.fullTextOnly;
const peers = options.peers && !only ? preparePeers() : undefined;
if (!options.browserOnly && !options.fullTextOnly) runAuthoring();
if (!options.authoringOnly) for (const size of options.sizes) run.sizes.push(benchSize(size, peers));
const generated = options.sizes.filter((size) => isGenerated(cachePaths(size, options.seed)));
if (options.browser && !options.authoringOnly && !options.fullTextOnly) {
  try {
    run.browser = await runBrowser({ ...options, sizes: generated }, say);
  } catch (e) {
    run.browserError = String(e);
    say(`browser: ${run.browserError}`);
  }
}

if (options.fullTextOnly) console.log(`\n${fullTextCompareTable(run)}\n`);
else if (!options.browserOnly && !options.authoringOnly)
  console.log(
    `\n${mainTable(run)}\n\n${loadBreakdown(run)}\n\n${compactTable(run)}\n\n${fullTextTable(run)}\n`,
  );
if (options.peers && !only) console.log(`${peerTable(run)}\n`);
if (run.authoring) console.log(`${authoringTables(run.authoring)}\n`);
if (run.browser) {
  console.log(`${browserHeading(run.browser)}\n\n${browserTable(run.browser)}\n`);
  for (const e of run.browser.errors) say(`browser error: ${e}`);
}
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${run.startedAt.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
say(`results written to ${file}`);
const browserFailed = run.browserError !== undefined || (run.browser?.errors.length ?? 0) > 0;
process.exit(run.sizes.some((r) => r.errors.length > 0) || browserFailed || run.authoringError ? 1 : 0);
