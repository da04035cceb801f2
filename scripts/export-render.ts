/** Renders an image export in headless Chromium: the built app is served locally, given the bundle, opened on the view, and asked for the image. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import type { ExportedImage } from '../src/app/automation';
import type { ImageOptions } from '../src/features/export/image-options';
import { encodeView } from '../src/features/share/view-codec';
import type { Bundle } from '../src/model/format/bundle';
import { NO_FILTERS } from '../src/model/core/filters';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const ROOT = resolve(import.meta.dirname, '..');
const TIMEOUT_MS = 60_000;

function ensureBuilt(): void {
  if (existsSync(resolve(ROOT, 'dist', 'index.html'))) return;
  console.error('dist/ is missing: building the app first…');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}

export async function renderImage(
  bundle: Bundle,
  entityIds: string[],
  focus: string,
  options: ImageOptions,
): Promise<ExportedImage> {
  ensureBuilt();
  if (!existsSync(chromiumPath())) throw new Error(`no Chromium at ${chromiumPath()} (set CHROMIUM_PATH)`);
  const server = await preview({
    root: ROOT,
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('the preview server has no port');
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(TIMEOUT_MS);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The app loads the bundle as if the build had published it, so any dataset folder can be rendered.
    const id = bundle.dataset.id;
    const index = [
      { id, title: bundle.dataset.title, file: `datasets/${id}.json`, entities: 0, relations: 0 },
    ];
    await page.route('**/datasets/index.json', (route) => route.fulfill({ json: index }));
    await page.route(`**/datasets/${id}.json`, (route) => route.fulfill({ json: bundle }));
    const view = { visible: new Set(entityIds), addedBy: new Map(), positions: new Map() };
    const fragment = encodeView(id, view, { kind: 'entity', id: focus }, NO_FILTERS);
    await page.goto(`http://127.0.0.1:${address.port}/?dataset=${encodeURIComponent(id)}#${fragment}`);
    await page.waitForFunction((count) => {
      const t = window.threadline;
      return (
        !!t?.cy && t.cy.nodes('[kind = "entity"]').length === count && t.getState().positions.size === count
      );
    }, entityIds.length);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return await page.evaluate((o) => window.threadline!.exportImage(o), options);
  } finally {
    await browser.close();
    await server.close();
  }
}
