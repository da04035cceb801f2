/** Navigation to an interactive default view, with the longest main-thread task on the way, over fresh pages. */
import { errors as playwrightErrors, type Page } from 'playwright-core';
import type { DatasetIndexEntry } from '../../src/data/dataset-index';
import { summarize } from '../stats';
import { longestTask } from './frame-stats';
import { loadReport } from './in-page';
import { appUrl, openPage, type BenchEnv } from './page';
import type { LoadFailure, LoadMeasure, LoadSample } from './types';

/** Reads the page's report, or gives up when its main thread is too busy to answer. */
async function reportOrNull(page: Page, waitMs: number) {
  const late = new Promise<null>((r) => setTimeout(() => r(null), waitMs));
  return Promise.race([page.evaluate(loadReport).catch(() => null), late]);
}

/** When the dataset file had arrived, on the page's clock (0 = navigation start). */
function receivedAt(received: Map<string, number>, entry: DatasetIndexEntry, timeOrigin: number) {
  const at = [...received].find(([path]) => path.endsWith(`/${entry.file}`))?.[1];
  return at === undefined ? {} : { bundleReceivedMs: at - timeOrigin };
}

export async function measureLoad(
  env: BenchEnv,
  dataset: string,
  entry: DatasetIndexEntry,
  options: { samples: number; timeoutMs: number; requestId: string | null },
  say: (m: string) => void,
): Promise<LoadMeasure> {
  const samples: LoadSample[] = [];
  let failure: LoadFailure | undefined;
  for (let i = 0; i < options.samples && !failure; i++) {
    const { context, page, errors, received } = await openPage(env);
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const started = Date.now();
    try {
      await page.goto(appUrl(env.baseUrl, options.requestId), { timeout: options.timeoutMs });
      await page.waitForFunction(
        () => window.__bench?.ready != null || window.__bench?.refused != null,
        undefined,
        {
          timeout: Math.max(1000, options.timeoutMs - (Date.now() - started)),
          polling: 250,
        },
      );
      const r = await page.evaluate(loadReport);
      if (r.refused) {
        failure = {
          reason: 'refused',
          afterMs: r.refused.at,
          message: r.refused.text,
          longestTaskMs: longestTask(r.longTasks),
          ...receivedAt(received, entry, r.timeOrigin),
        };
        say(`browser: ${dataset}: the app refused the dataset: ${r.refused.text}`);
        continue;
      }
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      // The evidence of compact files arrives after the view: its handling counts as loading too.
      const withEvidence = await page
        .waitForFunction(() => window.__bench?.evidence != null, undefined, {
          timeout: options.timeoutMs,
          polling: 250,
        })
        .then(() => page.evaluate(loadReport))
        .catch(() => null);
      const evidence = withEvidence?.evidence ?? null;
      samples.push({
        ...(evidence !== null
          ? { evidenceMs: evidence, longestTaskToEvidenceMs: longestTask(withEvidence!.longTasks, evidence) }
          : {}),
        readyMs: r.ready!,
        longestTaskMs: longestTask(r.longTasks, r.ready!),
        longTasks: r.longTasks.filter((t) => t.start < r.ready!).length,
        ...receivedAt(received, entry, r.timeOrigin),
        elements: r.elements,
      });
    } catch (e) {
      const afterMs = Date.now() - started;
      const r = crashed ? null : await reportOrNull(page, 5000);
      const reason = crashed ? 'crash' : e instanceof playwrightErrors.TimeoutError ? 'timeout' : 'error';
      failure = {
        reason,
        afterMs,
        message: [
          reason === 'crash' ? 'the renderer crashed (out of memory?)' : String(e).split('\n')[0]!,
          r === null && !crashed ? 'main thread did not answer within 5 s' : '',
          ...errors,
        ]
          .filter(Boolean)
          .join('; '),
        ...(r ? { longestTaskMs: longestTask(r.longTasks) } : {}),
        ...receivedAt(received, entry, r?.timeOrigin ?? started),
      };
      say(`browser: ${dataset}: default view not reached: ${failure.message}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
  return {
    dataset,
    datasetId: entry.id,
    samples,
    ...(samples.length > 0 ? { ready: summarize(samples.map((s) => s.readyMs)) } : {}),
    ...(failure ? { failure } : {}),
  };
}
