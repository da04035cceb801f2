/** Opens a page on the app with the bench's probe installed and the generated datasets routed to it. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DatasetIndexEntry } from '../../src/data/dataset-index';
import { newContext } from '../../scripts/chromium';
import { installProbe, NAME_SHIM } from './in-page';
import { bundleGlob, requestedPaths, streamUrl, type ServedDataset } from './routes';

export interface BenchEnv {
  browser: Browser;
  baseUrl: string;
  served: readonly ServedDataset[];
  /** datasets/index.json as the page sees it: the built one plus the generated datasets. */
  index: readonly DatasetIndexEntry[];
  viewport: { width: number; height: number };
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page so far. */
  errors: string[];
  /**
   * When each dataset file had been received, in ms since the epoch, by request URL path. Taken from the
   * network events because the app may fetch the bundle in a worker, whose Resource Timing the page lacks.
   */
  received: Map<string, number>;
}

/** A fresh context each time: no HTTP cache, and no saved view in localStorage to restore instead of the default. */
export async function openPage(env: BenchEnv): Promise<BenchPage> {
  const context = await newContext(env.browser, env.viewport.width, env.viewport.height);
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const received = new Map<string, number>();
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.includes('/datasets/')) return;
    const t = request.timing();
    if (t.responseEnd >= 0) received.set(path, t.startTime + t.responseEnd);
  });
  await page.route('**/datasets/index.json', (route) => route.fulfill({ json: env.index }));
  for (const s of env.served)
    for (const path of requestedPaths(s.entry))
      // Continued to a URL the preview server streams from disk rather than fulfilled: route.fulfill sends the
      // body through the DevTools protocol in one message, and at 100k/500k (236 MB) the page closes instead.
      await page.route(bundleGlob(path), (route) => route.continue({ url: streamUrl(env.baseUrl, path) }));
  return { context, page, errors, received };
}

/** The app's URL for a dataset id (null: the default dataset, as a visitor opens it). */
export const appUrl = (baseUrl: string, id: string | null): string =>
  id ? `${baseUrl}?dataset=${encodeURIComponent(id)}` : baseUrl;
