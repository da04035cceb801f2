/**
 * Installs the benchmark's engines into bench/peers/node_modules when `--peers` asks for them: `npm ci`
 * from bench/peers/package-lock.json, so the versions are the locked ones. Skipped when that install is
 * already complete; a failure is reported, and the engines it concerns are then listed as not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEER_MODULES, PEERS_DIR, peerPackageDir } from './peer-modules';

export type PeerInstall = { ok: true; note: string } | { ok: false; error: string };

const versionIn = (file: string): string | undefined => {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
};

/** Engines whose installed version is not the locked one (or that are missing). */
function outdated(): string[] {
  const lock = JSON.parse(readFileSync(join(PEERS_DIR, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const wanted = Object.keys(
    (JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: object })
      .dependencies,
  );
  return wanted.filter(
    (name) =>
      versionIn(join(peerPackageDir(name), 'package.json')) !==
      lock.packages[`node_modules/${name}`]?.version,
  );
}

export function installPeers(say: (message: string) => void): PeerInstall {
  // npm writes this file last: without it an earlier install stopped half-way.
  const complete = existsSync(join(PEER_MODULES, '.package-lock.json'));
  const missing = outdated();
  if (complete && missing.length === 0) return { ok: true, note: 'already installed' };
  say(
    `installing the peer engines (${missing.join(', ') || 'incomplete install'}) into bench/peers/node_modules`,
  );
  const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: PEERS_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 20 * 60_000,
  });
  if (run.error) return { ok: false, error: `npm ci in bench/peers could not run: ${run.error.message}` };
  if (run.status !== 0)
    return { ok: false, error: `npm ci in bench/peers failed (exit ${run.status ?? run.signal})` };
  const still = outdated();
  if (still.length > 0) return { ok: false, error: `npm ci in bench/peers left ${still.join(', ')} missing` };
  return { ok: true, note: 'installed by npm ci' };
}
