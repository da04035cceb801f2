/** The Browser section of `npm run bench`: the built app in the system Chromium, on the article and the generated datasets. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sizeLabel, type BenchOptions } from '../args';
import { DEFAULT_DATASET, type DatasetIndexEntry } from '../../src/data/dataset-index';
import { chromiumPath, launchBrowser } from '../../scripts/chromium';
import { servedDataset } from './bundles';
import { ensureDist, removeServedDist, SERVED_DIST, type DistState } from './dist';
import { measureAuthoring } from './measure-authoring';
import { measureInteractions } from './measure-interactions';
import { measureLoad } from './measure-load';
import type { BenchEnv } from './page';
import { browserPlan, type BrowserPlan } from './plan';
import { indexWith, type ServedDataset } from './routes';
import { startServer } from './server';
import type { BrowserResult } from './types';

const VIEWPORT = { width: 1280, height: 720 };

function emptyResult(dist: DistState): BrowserResult {
  return {
    chromium: '',
    viewport: VIEWPORT,
    build: {
      built: dist.built,
      ...(dist.ms !== undefined ? { ms: dist.ms } : {}),
      ...(dist.reason ? { reason: dist.reason } : {}),
      ...(dist.buildError ? { buildError: dist.buildError } : {}),
    },
    appState: {
      distBuiltAt: dist.distBuiltAt,
      newestSource: dist.newestSource,
      newestSourceAt: dist.newestSourceAt,
    },
    loads: [],
    ms: 0,
    // Figures from an older build than the sources are not what the sources do: the run says so and fails.
    errors: dist.buildError
      ? [`measured an older dist/: the current sources do not build (${dist.buildError})`]
      : [],
  };
}

/** Navigations first (article, then each size), then the interactions on one already-loaded size. */
async function measureAll(
  env: BenchEnv,
  plan: BrowserPlan,
  options: BenchOptions,
  served: Map<string, ServedDataset>,
  article: DatasetIndexEntry | undefined,
  result: BrowserResult,
  say: (m: string) => void,
): Promise<void> {
  const timeoutMs = plan.loadTimeoutMs;
  if (article) {
    say(`browser: article: ${plan.articleSamples} navigations to the default view`);
    const samples = plan.articleSamples;
    result.loads.push(
      await measureLoad(env, 'article', article, { samples, timeoutMs, requestId: null }, say),
    );
  } else result.errors.push('the build has no dataset to load as the article');
  if (article) {
    say('browser: article: authoring in the Build workspace, long tasks recorded');
    try {
      result.authoring = await measureAuthoring(env, say);
    } catch (e) {
      result.errors.push(`authoring: ${String(e)}`);
    }
  }
  for (const size of options.sizes) {
    const s = served.get(sizeLabel(size));
    if (!s) continue;
    const samples = plan.loadSamples(size);
    say(
      `browser: ${sizeLabel(size)}: ${samples} navigation(s) to the default view (timeout ${timeoutMs / 1000} s)`,
    );
    const requestId = s.entry.id;
    result.loads.push(
      await measureLoad(env, sizeLabel(size), s.entry, { samples, timeoutMs, requestId }, say),
    );
  }
  const target = plan.interactionSize && served.get(sizeLabel(plan.interactionSize));
  if (!target) return;
  if (!result.loads.find((l) => l.datasetId === target.entry.id)?.ready) {
    result.errors.push(`interactions skipped: ${target.entry.id} did not reach its default view`);
    return;
  }
  say(`browser: ${sizeLabel(plan.interactionSize!)}: expand, edge click, pan and export`);
  result.interactions = await measureInteractions(env, plan, target, say, result.errors);
}

/** Expects the generated datasets of `options.sizes` to be in the cache (run.ts generates them). */
export async function runBrowser(options: BenchOptions, say: (m: string) => void): Promise<BrowserResult> {
  const started = performance.now();
  const plan = browserPlan(options);
  if (!existsSync(chromiumPath()))
    throw new Error(`no Chromium at ${chromiumPath()} (install Debian's chromium or set CHROMIUM_PATH)`);
  try {
    const result = emptyResult(ensureDist(say));
    const served = new Map<string, ServedDataset>();
    for (const size of options.sizes) {
      try {
        served.set(sizeLabel(size), servedDataset(size, options.seed, say));
      } catch (e) {
        result.errors.push(String(e));
      }
    }
    const indexFile = join(SERVED_DIST, 'datasets', 'index.json');
    const built = JSON.parse(readFileSync(indexFile, 'utf8')) as DatasetIndexEntry[];
    const article = built.find((e) => e.id === DEFAULT_DATASET) ?? built[0];
    const server = await startServer([...served.values()]);
    const browser = await launchBrowser().catch(async (e: unknown) => {
      await server.close();
      throw e;
    });
    result.chromium = browser.version();
    const env: BenchEnv = {
      browser,
      baseUrl: server.baseUrl,
      served: [...served.values()],
      index: indexWith(built, [...served.values()]),
      viewport: VIEWPORT,
    };
    try {
      await measureAll(env, plan, options, served, article, result, say);
    } catch (e) {
      result.errors.push(String(e));
    } finally {
      await browser.close();
      await server.close();
    }
    result.ms = performance.now() - started;
    return result;
  } finally {
    removeServedDist();
  }
}
