/**
 * Serves the built app on 127.0.0.1 for the e2e run and checks a Chromium is there before any test starts;
 * afterwards, checks the run changed no file the repository tracks (screenshots go to tests/e2e/artifacts/).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

let server: PreviewServer | undefined;
const root = resolve(import.meta.dirname, '..', '..');
let trackedBefore: Map<string, string> | undefined;

/** Each tracked file's content hash; none outside a git checkout, where there is nothing to compare. */
function trackedFiles(): Map<string, string> {
  let names: string[];
  try {
    names = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0');
  } catch {
    return new Map();
  }
  const hashes = new Map<string, string>();
  for (const name of names) {
    const path = resolve(root, name);
    if (name && existsSync(path))
      hashes.set(name, createHash('sha1').update(readFileSync(path)).digest('hex'));
  }
  return hashes;
}

export async function setup(project: TestProject): Promise<void> {
  const exe = chromiumPath();
  if (!existsSync(exe)) {
    throw new Error(
      `No Chromium at ${exe}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary. End-to-end tests never skip.`,
    );
  }
  trackedBefore = trackedFiles();
  if (!existsSync(resolve(root, 'dist', 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (!trackedBefore) return;
  const after = trackedFiles();
  const changed = [...trackedBefore].filter(([name, hash]) => after.get(name) !== hash).map(([name]) => name);
  if (changed.length > 0) {
    // Vitest reports an error thrown here but still exits with 0, so the run is failed explicitly.
    console.error(
      `The end-to-end run changed tracked files (${changed.join(', ')}): tests write only to tests/e2e/artifacts/; the README images come from npm run docs:images.`,
    );
    process.exitCode = 1;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
