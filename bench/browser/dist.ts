/** Gets a build of the current sources to serve, without ever emptying dist/ under a concurrent user of it. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CACHE } from '../cache';

export const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
/**
 * What the bench serves: a copy of dist/, or its own build when dist/ is older than the sources. One per
 * run, so two runs at once (two engineers, a probe) never rebuild each other's app mid-measurement.
 */
export const SERVED_DIST = join(CACHE, 'browser-dist', String(process.pid));

export const removeServedDist = (): void => rmSync(SERVED_DIST, { recursive: true, force: true });

/** What goes into a build: if any of it is newer than dist/index.html, the build is stale. */
const INPUTS = [
  'src',
  'graph-data',
  'index.html',
  'vite.config.ts',
  'scripts/vite-datasets-plugin.ts',
  'scripts/vite-csp-plugin.ts',
];

function newestUnder(path: string): { path: string; mtimeMs: number } {
  const st = statSync(path);
  if (!st.isDirectory()) return { path, mtimeMs: st.mtimeMs };
  let best = { path, mtimeMs: 0 };
  for (const name of readdirSync(path)) {
    const n = newestUnder(join(path, name));
    if (n.mtimeMs > best.mtimeMs) best = n;
  }
  return best;
}

function viteBuild(args: string[]): { ok: true; ms: number } | { ok: false; error: string } {
  const started = performance.now();
  const run = spawnSync('npx', ['vite', 'build', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.status === 0) return { ok: true, ms: performance.now() - started };
  const out = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
  const error =
    out.split('\n').find((l) => /error|\[[A-Z_]+\]/.test(l)) ?? `exit ${run.status ?? run.signal}`;
  return { ok: false, error: error.trim() };
}

export interface DistState {
  built: boolean;
  ms?: number;
  reason?: string;
  /** Set when the sources did not build and the older dist/ was measured instead. */
  buildError?: string;
  distBuiltAt: string;
  newestSource: string;
  newestSourceAt: string;
}

export function ensureDist(say: (m: string) => void): DistState {
  const newest = INPUTS.map((p) => join(ROOT, p))
    .filter(existsSync)
    .map(newestUnder)
    .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  const state = {
    newestSource: relative(ROOT, newest.path),
    newestSourceAt: new Date(newest.mtimeMs).toISOString(),
  };
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) {
    say('browser: dist/ is missing: npx vite build');
    const build = viteBuild([]);
    if (!build.ok) throw new Error(`vite build failed: ${build.error}`);
    return snapshot({ built: true, ms: build.ms, reason: 'dist/ was missing', ...state });
  }
  if (statSync(index).mtimeMs >= newest.mtimeMs) return snapshot({ built: false, ...state });
  // dist/ may be in use (an e2e run, another engineer) and Vite empties its outDir: build beside it instead.
  const reason = `dist/ is older than ${state.newestSource}`;
  say(`browser: ${reason}: building the current sources into ${relative(ROOT, SERVED_DIST)}`);
  const build = viteBuild(['--outDir', SERVED_DIST, '--emptyOutDir']);
  if (build.ok)
    return {
      built: true,
      ms: build.ms,
      reason,
      distBuiltAt: statSync(join(SERVED_DIST, 'index.html')).mtime.toISOString(),
      ...state,
    };
  say(`browser: the current sources do not build (${build.error}); measuring dist/ as it is`);
  return snapshot({ built: false, reason, buildError: build.error, ...state });
}

/** Serves a copy of dist/, so a rebuild during the run cannot swap the app under it. */
function snapshot(state: Omit<DistState, 'distBuiltAt'>): DistState {
  rmSync(SERVED_DIST, { recursive: true, force: true });
  cpSync(DIST, SERVED_DIST, { recursive: true, preserveTimestamps: true });
  return { ...state, distBuiltAt: statSync(join(DIST, 'index.html')).mtime.toISOString() };
}
