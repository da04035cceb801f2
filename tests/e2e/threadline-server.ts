/** `npm run serve` as a child process for e2e tests: on PGlite in a folder, on a port of its choosing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234/ */
  base: string;
  port: number;
  /** What it printed: the import of the bundled datasets on first start. */
  log: string;
  stop(): Promise<void>;
}

/** Starts the server on `dataDir` (a fresh folder imports graph-data/); `port` 0 lets it choose. */
export async function startServer(dataDir: string, port = 0): Promise<RunningServer> {
  // Node with tsx's loader rather than the tsx wrapper, so the process stopped at the end is the server.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--db', `pglite://${dataDir}`],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } },
  );
  let log = '';
  const base = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const at = /Threadline server on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (at) done(at[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`the server exited with ${code}: ${log}`)));
  });
  return {
    base,
    port: Number(new URL(base).port),
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
