/**
 * Frame times while panning the app's view, and the same pan of the same elements in a bare Cytoscape page
 * (the floor); each both on a settled view and just after a change.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newContext } from '../../scripts/chromium';
import { ROOT } from './dist';
import { frameStats } from './frame-stats';
import {
  drawnScene,
  expandCandidates,
  NAME_SHIM,
  panFrames,
  restoreLevel,
  settle,
  showFloor,
  timeExpand,
  type DrawnScene,
} from './in-page';
import type { BenchEnv } from './page';
import type { FrameStats, PanMeasure } from './types';

/**
 * How long a view is left alone before a "settled" pan. Cytoscape renders a view into cached layer bitmaps
 * and then pans by copying them, but it only starts on a redraw at least 250 ms after the last change, and
 * builds them a few elements per frame: so a settled pan is preceded by a short pan and this long a wait.
 */
const SETTLE_MS = 2000;
const WARM_UP_MS = 300;

async function panSettled(page: Page, floor: boolean, ms: number): Promise<FrameStats> {
  await page.evaluate(settle, SETTLE_MS);
  await page.evaluate(panFrames, { floor, ms: WARM_UP_MS });
  await page.evaluate(settle, SETTLE_MS);
  return panStats(await page.evaluate(panFrames, { floor, ms }));
}

const panStats = (run: { stamps: number[]; draws: number; drawMs: number }): FrameStats => ({
  ...frameStats(run.stamps),
  draws: run.draws,
  meanDrawMs: run.draws > 0 ? run.drawMs / run.draws : NaN,
});

const CYTOSCAPE = join(ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');

/** Fresh page: the first pan starts as soon as the elements are drawn (nothing cached), the second once settled. */
async function floorFrames(env: BenchEnv, scene: DrawnScene, ms: number) {
  const context = await newContext(env.browser, env.viewport.width, env.viewport.height);
  try {
    const floor = await context.newPage();
    await floor.setContent('<!doctype html><html><body style="margin:0"><div id="cy"></div></body></html>');
    await floor.addScriptTag({ path: CYTOSCAPE });
    await floor.evaluate(NAME_SHIM);
    await floor.evaluate(showFloor, scene);
    const changed = panStats(await floor.evaluate(panFrames, { floor: true, ms }));
    await floor.evaluate(({ zoom, pan }) => window.benchCy!.viewport({ zoom, pan }), scene);
    return { settled: await panSettled(floor, true, ms), changed };
  } finally {
    await context.close();
  }
}

export async function measurePan(env: BenchEnv, page: Page, target: number, ms: number): Promise<PanMeasure> {
  const elements = await page.evaluate(restoreLevel, target);
  const scene = await page.evaluate(drawnScene);
  const app = await panSettled(page, false, ms);
  // Just after a change: a typical expansion (under 100 elements added), then the pan at once.
  await page.evaluate(restoreLevel, target);
  await page.evaluate(settle, SETTLE_MS);
  const candidate = (await page.evaluate(expandCandidates, 1)).typical[0];
  let appChanged: FrameStats | undefined;
  if (candidate) {
    await page.evaluate(timeExpand, candidate.id);
    appChanged = panStats(await page.evaluate(panFrames, { floor: false, ms }));
  }
  await page.evaluate(restoreLevel, target);
  const floor = await floorFrames(env, scene, ms);
  return {
    target,
    elements,
    app,
    floor: floor.settled,
    ...(appChanged ? { appChanged } : {}),
    floorChanged: floor.changed,
  };
}
