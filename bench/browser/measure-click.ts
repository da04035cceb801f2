/** Edge-click-to-quote latency at one element level: real mouse clicks on edges where Cytoscape draws them. */
import type { Page } from 'playwright-core';
import { summarize } from '../stats';
import { armClick, clickableEdges, clickResult, restoreLevel, settle } from './in-page';
import type { LevelLatency } from './types';

export async function measureEdgeClick(page: Page, target: number, samples: number): Promise<LevelLatency> {
  const elements = await page.evaluate(restoreLevel, target);
  await page.evaluate(settle, 300);
  const ids = await page.evaluate(clickableEdges, samples + 1);
  if (ids.length === 0) throw new Error(`no clickable edge at ${target} elements`);
  const times: number[] = [];
  let misses = 0;
  for (let i = -1; i < samples; i++) {
    const id = ids[(i + 1) % ids.length]!;
    const at = await page.evaluate((edge) => window.threadline!.pagePosition(edge), id);
    if (!at) {
      misses++;
      continue;
    }
    await page.evaluate(armClick);
    await page.mouse.click(at.x, at.y);
    // A click that lands on something other than an edge shows no quote: counted as a miss, not a time.
    await page
      .waitForFunction(() => window.__bench!.click.shown !== null, undefined, { timeout: 5000 })
      .catch(() => undefined);
    const r = await page.evaluate(clickResult);
    if (i >= 0) {
      if (r.ms === null || r.selection === null) misses++;
      else times.push(r.ms);
    }
    await page.evaluate(() => window.threadline!.actions.clearSelection());
    await page.evaluate(settle, 300);
  }
  return { target, elements, latency: summarize(times), misses };
}
