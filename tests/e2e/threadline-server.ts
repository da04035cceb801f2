/** `npm run serve` as a child process for e2e tests: on PGlite in a folder, on a port of its choosing; and with a page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, waitSettled } from './app-page';
import { launchBrowser, newContext, tempDir } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234/ */
  base: string;
  port: number;
  /** What it printed: the import of the bundled datasets on first start. */
  log: string;
  stop(): Promise<void>;
}

/**
 * Starts the server on `dataDir` (a fresh folder imports graph-data/); `port` 0 lets it choose; `args` are
 * more of `npm run serve`'s flags.
 */
export async function startServer(
  dataDir: string,
  port = 0,
  args: readonly string[] = [],
): Promise<RunningServer> {
  // Node with tsx's loader rather than the tsx wrapper, so the process stopped at the end is the server.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port), '--db', `pglite://${dataDir}`, ...args],
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

export interface ServedPage {
  server(): RunningServer;
  page(): Page;
  /** Errors the page threw, from its creation on. */
  errors: string[];
  /** A folder for the page's downloads, removed with the rest. */
  downloads: string;
  /** Stops the server, runs `meanwhile` while it is gone, and starts it again on the same port and data. */
  restart(meanwhile?: () => Promise<void>): Promise<void>;
}

/**
 * For a test file: `npm run serve` (with `args`) on a fresh PGlite folder (named after `name`) and one Chromium page, started
 * before the file's tests and removed after them; with `open`, the page has the explorer open and settled.
 */
export function servedPage(
  name: string,
  args: readonly string[] = [],
  { open = false }: { open?: boolean } = {},
): ServedPage {
  const dataDir = mkdtempSync(join(tmpdir(), `threadline-${name}-`));
  const downloads = tempDir();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startServer(dataDir, 0, args);
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    if (open) {
      await openApp(page, server.base);
      await waitSettled(page);
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the server and page are not started yet');
    return x;
  };
  return {
    server: () => started(server),
    page: () => started(page),
    errors,
    downloads,
    async restart(meanwhile) {
      const { port } = started(server);
      await started(server).stop();
      await meanwhile?.();
      server = await startServer(dataDir, port, args);
    },
  };
}
