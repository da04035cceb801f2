/** Expand-to-painted latency at one element level: each sample expands a different entity from the same view. */
import type { Page } from 'playwright-core';
import { summarize } from '../stats';
import { expandCandidates, restoreLevel, settle, timeExpand } from './in-page';
import type { LevelLatency } from './types';

/**
 * `typical`: expansions that add at most 100 elements; `hub`: ones that bring in a hub and with it 500 or
 * more elements (its relations to everything drawn).
 */
export async function measureExpand(
  page: Page,
  target: number,
  samples: number,
  kind: 'typical' | 'hub',
): Promise<LevelLatency> {
  const elements = await page.evaluate(restoreLevel, target);
  await page.evaluate(settle, 300);
  const found = await page.evaluate(expandCandidates, samples + 1);
  const ids = (kind === 'typical' ? found.typical : found.heavy).map((c) => c.id);
  if (ids.length === 0) throw new Error(`no ${kind} expansion at ${target} elements`);
  const times: number[] = [];
  const sync: number[] = [];
  const added: number[] = [];
  let misses = 0;
  // One expansion first, not counted, so the code paths involved are compiled.
  for (let i = -1; i < samples; i++) {
    const r = await page.evaluate(timeExpand, ids[(i + 1) % ids.length]!);
    if (i >= 0) {
      if (r.prompted || r.added === 0) misses++;
      else {
        times.push(r.ms);
        sync.push(r.syncMs);
        added.push(r.elementsAdded);
      }
    }
    await page.evaluate(restoreLevel, target);
    await page.evaluate(settle, 300);
  }
  return {
    target,
    elements,
    latency: summarize(times),
    misses,
    sync: summarize(sync),
    added: summarize(added),
  };
}
