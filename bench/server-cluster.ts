/**
 * A throwaway PostgreSQL for the server benchmark: Debian's postgresql (installed with apt-get when
 * missing), a cluster in a temporary folder owned by the postgres user, on a free port of 127.0.0.1,
 * stopped and removed by `stop()` (and on exit).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  url: string;
  version: string;
  stop(): void;
}

function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * `extra`: more `-c name=value` settings, after (so over) the defaults below: e.g. the import-floor bench's
 * `wal_level=minimal`, which docs/deployment.md describes for an importing primary with no replicas.
 */
export async function startCluster(
  say: (m: string) => void,
  extra: readonly string[] = [],
): Promise<Cluster> {
  const root = userInfo().uid === 0;
  if (!pgBin()) {
    say('installing Debian postgresql (apt-get)');
    const sudo = root ? [] : ['sudo'];
    const run = (args: string[]) => {
      const r = spawnSync(sudo[0] ?? args[0]!, [...sudo.slice(1), ...(sudo.length ? args : args.slice(1))], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
    };
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'postgresql']);
  }
  const bin = pgBin();
  if (!bin) throw new Error('PostgreSQL is not installed and could not be installed');
  // PostgreSQL will not run as root: as root, the cluster belongs to the postgres user.
  const as = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : execFileSync(join(bin, cmd), args, { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  as('initdb', [
    '-D',
    join(dir, 'data'),
    '-U',
    'threadline',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  // Sized for a 2-core, 23 GB machine; durability settings stay at their defaults.
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c shared_buffers=2GB',
    '-c maintenance_work_mem=1GB',
    '-c work_mem=64MB',
    '-c max_wal_size=8GB',
    '-c effective_cache_size=12GB',
    '-c max_parallel_maintenance_workers=2',
    ...extra.map((setting) => `-c ${setting}`),
  ].join(' ');
  as('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', settings, 'start']);
  const version =
    /\d+\.\d+/.exec(execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }))?.[0] ?? '?';
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', stop);
  return { url: `postgres://threadline@127.0.0.1:${port}/postgres`, version, stop };
}
