import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
interface LockEntry extends Manifest {
  version?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
}
interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

const readJson = <T>(...path: string[]): T => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as T;

/** The benchmark's engines: native code, install scripts, and (through lbug's build tooling) tar. */
const BENCH_ONLY = ['better-sqlite3', 'lbug'];
/** The one install script a developer's `npm ci` runs: esbuild's (tsx and Vite's dev tooling), which checks its binary. */
const ALLOWED_INSTALL_SCRIPTS = new Set(['esbuild']);

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Where npm put `dep` as seen from the package at `from`: its own node_modules, then each parent's. */
function locate(lock: Lockfile, from: string, dep: string): string | undefined {
  for (let at = from; ;) {
    const candidate = `${at ? `${at}/` : ''}node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!at) return undefined;
    const up = at.lastIndexOf('/node_modules/');
    at = up < 0 ? '' : at.slice(0, up);
  }
}

/** Every package a production install (`npm ci --omit=dev`) brings, as lockfile paths. */
function productionClosure(lock: Lockfile, manifest: Manifest): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string, deps: Record<string, string>) => {
    for (const dep of Object.keys(deps)) {
      const path = locate(lock, from, dep);
      if (!path || seen.has(path)) continue;
      seen.add(path);
      const entry = lock.packages[path]!;
      const optionalPeers = entry.peerDependenciesMeta ?? {};
      const peers = Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(([p]) => !optionalPeers[p]?.optional),
      );
      visit(path, { ...entry.dependencies, ...entry.optionalDependencies, ...peers });
    }
  };
  visit('', { ...manifest.dependencies, ...manifest.optionalDependencies });
  return seen;
}

describe('what `npm ci` installs', () => {
  const manifest = readJson<Manifest>('package.json');
  const lock = readJson<Lockfile>('package-lock.json');
  const installed = Object.keys(lock.packages).filter((p) => p !== '');

  it('the product declares no benchmark engine, in any kind of dependency', () => {
    const declared = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
    ];
    expect(declared.filter((d) => BENCH_ONLY.includes(d) || d === '@types/better-sqlite3')).toEqual([]);
  });

  it('the lockfile pulls no benchmark engine and no tar, even transitively', () => {
    expect(installed.filter((p) => [...BENCH_ONLY, 'tar'].includes(nameOf(p)))).toEqual([]);
  });

  it('a production install runs no install script', () => {
    const closure = productionClosure(lock, manifest);
    // The walk must reach the app's real runtime dependencies, or the assertion below proves nothing.
    expect(closure.has('node_modules/react-dom')).toBe(true);
    expect(closure.has('node_modules/graphology-types')).toBe(true);
    expect([...closure].filter((p) => lock.packages[p]!.hasInstallScript)).toEqual([]);
  });

  it('in a developer install, only esbuild runs an install script', () => {
    const scripted = installed.filter((p) => lock.packages[p]!.hasInstallScript).map(nameOf);
    expect(scripted.filter((n) => !ALLOWED_INSTALL_SCRIPTS.has(n))).toEqual([]);
    expect(lock.packages['node_modules/esbuild']?.dev).toBe(true);
  });

  it('the benchmark engines are declared where the bench installs them on demand', () => {
    const peers = readJson<Manifest>('bench', 'peers', 'package.json');
    expect(Object.keys(peers.dependencies ?? {}).sort()).toEqual([...BENCH_ONLY].sort());
    const peersLock = readJson<Lockfile>('bench', 'peers', 'package-lock.json');
    for (const engine of BENCH_ONLY)
      expect(peersLock.packages[`node_modules/${engine}`]?.version).toBeTruthy();
  });
});
