/**
 * Finds a loadable lbug. The npm package ships one prebuilt Linux binary, linked against glibc 2.38 and
 * GCC 13's libstdc++; Debian 12 has glibc 2.36 and GCC 12, so `require('lbug')` fails there with
 * "version `GLIBC_2.38' not found". The fallback builds, beside the bench's own install of the peers
 * (bench/peers/node_modules/.cache), a copy of the package whose binary has those few symbol versions relaxed, plus a small shim (lbug-compat/shim.cc, needs g++) that
 * provides the seven missing symbols; the lbug peer then runs with the shim preloaded. The database engine
 * itself is the published one, unmodified in behaviour.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { patchVersions } from './elf-versions';
import { PEER_MODULES, peerPackageDir } from './peer-modules';

export type LbugRuntime =
  { ok: true; module: string; env: Record<string, string>; note: string } | { ok: false; error: string };

const SHIMMED = [
  '__isoc23_strtol',
  '__isoc23_strtoll',
  '__isoc23_strtoul',
  '__isoc23_strtoull',
  '_ZSt21ios_base_library_initv',
  '_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE15_M_replace_coldEPcmPKcmm',
  // Only its version moved in glibc 2.38 (libm); the older default fmod is the same function.
  'fmod',
];
const MISSING_VERSIONS = ['GLIBC_2.38', 'GLIBCXX_3.4.31', 'GLIBCXX_3.4.32'];

/** Loads `module` in a throwaway process and returns the first line of the error, if any. */
function probe(module: string, env: Record<string, string> = {}): string | undefined {
  const run = spawnSync(
    process.execPath,
    [
      '-e',
      `const l = require(${JSON.stringify(module)}); new l.Connection(new l.Database(':memory:')).querySync('RETURN 1')`,
    ],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (run.status === 0) return undefined;
  return (run.stderr.split('\n').find((l) => /Error/.test(l)) ?? run.stderr.trim()).trim();
}

function buildCompat(packageDir: string, dir: string): { module: string; shim: string } {
  const module = join(dir, 'index.js');
  const shim = join(dir, 'libcompat.so');
  if (existsSync(join(dir, '.complete'))) return { module, shim };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(packageDir))
    if (/\.(js|mjs|json|d\.ts)$/.test(f)) copyFileSync(join(packageDir, f), join(dir, f));
  const binary = readFileSync(join(packageDir, 'lbugjs.node'));
  patchVersions(binary, new Set(SHIMMED), new Set(MISSING_VERSIONS));
  writeFileSync(join(dir, 'lbugjs.node'), binary);
  const cc = spawnSync(
    'g++',
    ['-shared', '-fPIC', '-O2', '-o', shim, join(import.meta.dirname, 'lbug-compat', 'shim.cc')],
    { encoding: 'utf8' },
  );
  if (cc.status !== 0) throw new Error(`g++ could not build the shim: ${cc.error?.message ?? cc.stderr}`);
  writeFileSync(join(dir, '.complete'), '');
  return { module, shim };
}

export function findLbug(): LbugRuntime {
  const packageDir = peerPackageDir('lbug');
  if (!existsSync(join(packageDir, 'package.json')))
    return { ok: false, error: 'lbug is not installed in bench/peers/node_modules' };
  const direct = probe(packageDir);
  if (direct === undefined) return { ok: true, module: packageDir, env: {}, note: 'lbug as installed' };
  if (!/GLIBC|GLIBCXX/.test(direct)) return { ok: false, error: direct };
  try {
    const version = (
      JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    // Beside the peers' own install, never in the app's node_modules; under a node_modules folder, so
    // linters and the type checker never see the copied package, and removing the install removes it.
    const { module, shim } = buildCompat(
      packageDir,
      join(PEER_MODULES, '.cache', `threadline-lbug-compat-${version}`),
    );
    const env = { LD_PRELOAD: shim };
    const patched = probe(module, env);
    if (patched !== undefined)
      return { ok: false, error: `${direct}; the compatibility copy failed too: ${patched}` };
    return {
      ok: true,
      module,
      env,
      note: `prebuilt lbug ${version} needs a newer glibc here (${direct}); ran with bench's compatibility shim`,
    };
  } catch (e) {
    return { ok: false, error: `${direct}; ${(e as Error).message}` };
  }
}
