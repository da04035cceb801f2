/** PNG export time at one element level, through window.threadline.exportImage (the Export menu's code). */
import type { Page } from 'playwright-core';
import { summarize } from '../stats';
import { restoreLevel, settle, timeExport } from './in-page';
import type { InteractionResults } from './types';

export async function measureExport(
  page: Page,
  target: number,
  samples: number,
): Promise<InteractionResults['exportPng'][number]> {
  const elements = await page.evaluate(restoreLevel, target);
  await page.evaluate(settle, 300);
  await page.evaluate(timeExport); // warm-up, not counted
  const runs = [];
  for (let i = 0; i < samples; i++) {
    runs.push(await page.evaluate(timeExport));
    await page.evaluate(settle, 100);
  }
  const last = runs[runs.length - 1]!;
  return {
    target,
    elements,
    latency: summarize(runs.map((r) => r.ms)),
    misses: 0,
    pngBytes: last.bytes,
    width: last.width,
    height: last.height,
    scale: last.scale,
  };
}
