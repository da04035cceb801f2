/**
 * The plain `npm run db:import -- <dataset> --times` of one or more checkouts, back to back into one
 * throwaway PostgreSQL (bench/server-cluster.ts), each into a fresh database: what a user runs, validation
 * in its own heap-sized child included. Prints each command's output with the 1-minute load average and
 * `uptime` before and after, since the 2 cores are shared and every figure carries their load.
 *
 *   npx tsx bench/import-plain.ts --dataset <folder> [--checkout <dir>]… [--rounds 1]
 *
 * With no --checkout, this tree alone. At 5M run it inside `flock /work/5m.lock` (one 5M import at a time).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { openPg } from '../src/server/db-pg';
import { args, flag } from './cli-flags';
import { startCluster } from './server-cluster';

const dataset = flag('dataset');
if (!dataset) {
  console.error('usage: npx tsx bench/import-plain.ts --dataset <folder> [--checkout <dir>]… [--rounds N]');
  process.exit(2);
}
const checkouts = args.flatMap((a, i) => (a === '--checkout' && args[i + 1] ? [resolve(args[i + 1]!)] : []));
if (checkouts.length === 0) checkouts.push(resolve('.'));
const rounds = Number(flag('rounds') ?? 1);
const say = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const cluster = await startCluster(say);

/** CPU seconds the cluster's processes have used and exited with (backends are the postmaster's children). */
async function clusterCpu(): Promise<number> {
  const db = openPg(cluster.url, { max: 1 });
  try {
    const [row] = await db.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    const pid = readFileSync(join(row!.dir, 'postmaster.pid'), 'utf8').split('\n')[0]!;
    // Fields 14–17 of /proc/<pid>/stat: user, system, children's user, children's system, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } finally {
    await db.close();
  }
}
try {
  let n = 0;
  for (let round = 0; round < rounds; round++)
    for (const dir of checkouts) {
      const name = `import_${++n}`;
      const admin = openPg(cluster.url, { max: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const url = cluster.url.replace(/\/postgres$/, `/${name}`);
      say(`${dir}: ${uptime()}`);
      const load0 = loadavg()[0]!;
      const cpu0 = await clusterCpu();
      const started = performance.now();
      const code = await new Promise<number | null>((done) =>
        spawn('npm', ['run', 'db:import', '--', resolve(dataset), '--db', url, '--times'], {
          cwd: dir,
          stdio: 'inherit',
        }).on('exit', done),
      );
      say(
        `${dir}: exit ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s; load ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; ` +
          `PostgreSQL CPU ${((await clusterCpu()) - cpu0).toFixed(1)} s (ended sessions); ${uptime()}`,
      );
      // The next run starts from the same state: this one's database gone, its pages flushed.
      const drop = openPg(cluster.url, { max: 1 });
      await drop.query(`DROP DATABASE ${name}`);
      await drop.query('CHECKPOINT');
      await drop.close();
    }
} finally {
  cluster.stop();
}
