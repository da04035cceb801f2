/** Serves the built app on 127.0.0.1 for the e2e run and checks a Chromium is there before any test starts. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const exe = chromiumPath();
  if (!existsSync(exe)) {
    throw new Error(
      `No Chromium at ${exe}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary. End-to-end tests never skip.`,
    );
  }
  const root = resolve(import.meta.dirname, '..', '..');
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
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
