/** Opens the interaction dataset once and measures expand, edge click, pan and export at each element level. */
import { sizeLabel } from '../args';
import { levelReady, showLevel } from './in-page';
import { measureEdgeClick } from './measure-click';
import { measureExpand } from './measure-expand';
import { measureExport } from './measure-export';
import { measurePan } from './measure-pan';
import { appUrl, openPage, type BenchEnv } from './page';
import { allLevels, type BrowserPlan } from './plan';
import type { ServedDataset } from './routes';
import type { InteractionResults } from './types';

export async function measureInteractions(
  env: BenchEnv,
  plan: BrowserPlan,
  served: ServedDataset,
  say: (m: string) => void,
  errors: string[],
): Promise<InteractionResults> {
  const dataset = sizeLabel(plan.interactionSize!);
  const out: InteractionResults = {
    dataset,
    expand: [],
    expandHub: [],
    edgeClick: [],
    pan: [],
    exportPng: [],
  };
  const { context, page } = await openPage(env);
  try {
    await page.goto(appUrl(env.baseUrl, served.entry.id));
    await page.waitForFunction(() => window.__bench?.ready != null, undefined, {
      timeout: plan.loadTimeoutMs,
      polling: 250,
    });
    for (const level of allLevels(plan)) {
      const shown = await page.evaluate(showLevel, level);
      await page.waitForFunction(levelReady, level, { timeout: 120_000, polling: 250 });
      say(`browser: ${dataset}: ${level} elements (${shown.entities} entities laid out)`);
      const attempt = async <T>(what: string, run: () => Promise<T>, into: T[]) => {
        try {
          into.push(await run());
        } catch (e) {
          errors.push(`${what} at ${level} elements: ${String(e).split('\n')[0]}`);
        }
      };
      if (plan.expand.levels.includes(level)) {
        await attempt('expand', () => measureExpand(page, level, plan.expand.samples, 'typical'), out.expand);
        await attempt(
          'expand bringing in a hub',
          () => measureExpand(page, level, plan.expand.hubSamples, 'hub'),
          out.expandHub,
        );
      }
      if (plan.edgeClick.levels.includes(level))
        await attempt(
          'edge click',
          () => measureEdgeClick(page, level, plan.edgeClick.samples),
          out.edgeClick,
        );
      if (plan.pan.levels.includes(level))
        await attempt('pan', () => measurePan(env, page, level, plan.pan.ms), out.pan);
      if (plan.exportPng.levels.includes(level))
        await attempt('export', () => measureExport(page, level, plan.exportPng.samples), out.exportPng);
    }
  } finally {
    await context.close();
  }
  return out;
}
