/**
 * The explorer's expand-to-painted against a Threadline server, in Chromium: the page served by the server
 * opens the dataset through the server graph source; each sample double-clicks nothing but calls the same
 * store action a double-click does, and times from it to the new neighbours painted — the neighbour page and
 * what it adds fetched (one `…/expand`), the model grown, the step taken and the canvas drawn. Each sample starts
 * from a fresh page (nothing cached), as the first expansion of a session.
 */
import { launchBrowser, newContext } from '../scripts/chromium';
import { NAME_SHIM } from './browser/in-page';
import { summarize, type Latency } from './stats';

export interface ExplorerExpand {
  latency: Latency;
  /** Samples that added nothing (every neighbour already drawn) or asked the hub question. */
  misses: number;
  /** Entities the samples added, median. */
  added: number;
}

/** In the page: expand `id` and wait until what it added is drawn; null when it added nothing. */
async function timeServerExpand(id: string): Promise<{ ms: number; added: number; prompted: boolean }> {
  const t = window.threadline!;
  const before = new Set(t.getState().view.visible);
  const t0 = performance.now();
  t.actions.expand(id, { limit: 50 });
  const cy = t.cy!;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  while (t.getState().fetching !== null) await frame();
  const fresh = [...t.getState().view.visible].filter((v) => !before.has(v));
  while (fresh.some((v) => cy.getElementById(v).empty())) await frame();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return { ms: performance.now() - t0, added: fresh.length, prompted: t.getState().hubPrompt !== null };
}

export async function measureExplorerExpand(
  appBase: string,
  dataset: string,
  ids: readonly string[],
  samples: number,
): Promise<ExplorerExpand> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    const added: number[] = [];
    let misses = 0;
    // One sample first, not counted, so the code paths involved are compiled and the server warm.
    for (let i = -1; i < samples; i++) {
      const context = await newContext(browser);
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      await page.goto(`${appBase}?server=${encodeURIComponent(dataset)}`);
      await page.waitForFunction(
        () => {
          const t = window.threadline;
          return !!t?.cy && t.cy.nodes().length > 0 && t.settled();
        },
        null,
        { timeout: 120_000 },
      );
      const r = await page.evaluate(timeServerExpand, ids[(i + 1) % ids.length]!);
      await context.close();
      if (i < 0) continue;
      if (r.added === 0 || r.prompted) misses++;
      else {
        times.push(r.ms);
        added.push(r.added);
      }
    }
    return { latency: summarize(times), misses, added: summarize(added).p50 };
  } finally {
    await browser.close();
  }
}
