/**
 * Authoring on the article in the Build workspace, with every main-thread task over 50 ms recorded (the
 * browser's long tasks) and told apart by the step it fell in: the "no main-thread task exceeds
 * 200 ms while authoring", measured rather than asserted.
 */
import type { Page } from 'playwright-core';
import { appUrl, openPage, type BenchEnv } from './page';
import type { AuthoringStep } from './types';

declare global {
  interface Window {
    __authoring?: { step: string; tasks: Array<{ step: string; ms: number }> };
  }
}

/** Records long tasks against whatever step the page says it is in. Runs in the page. */
function observeLongTasks(): void {
  const state = { step: 'open', tasks: [] as Array<{ step: string; ms: number }> };
  window.__authoring = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push({ step: state.step, ms: e.duration });
  }).observe({ type: 'longtask', buffered: false });
}

const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // Two frames and a quiet moment: whatever the step set going (a layout, a worker's answer) has landed.
        const quiet = () =>
          setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 400);
        requestAnimationFrame(quiet);
      }),
  );

async function step(page: Page, name: string, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate((n) => (window.__authoring!.step = n), name);
  await act();
  await page.waitForFunction(() => window.threadline?.settled() !== false);
  await idle(page);
}

export async function measureAuthoring(env: BenchEnv, say: (m: string) => void): Promise<AuthoringStep[]> {
  const { context, page } = await openPage(env);
  try {
    await page.goto(appUrl(env.baseUrl, null));
    await page.waitForFunction(
      () => window.threadline?.getState().model != null && window.threadline.settled(),
    );
    await page.evaluate(observeLongTasks);
    const tab = (name: string) => page.getByRole('tab', { name }).click();
    await step(page, 'open Build', () => page.getByRole('button', { name: 'Build', exact: true }).click());
    await step(page, 'edit the open dataset', () =>
      page.evaluate(() => window.threadline!.actions.editOpenDataset()),
    );
    await step(page, 'Mentions', () => tab('Mentions'));
    await step(page, 'Loom', () => tab('Loom'));
    await step(page, 'accept a loom sentence', async () => {
      await page
        .locator('[role="listbox"], .loom-list')
        .first()
        .focus()
        .catch(() => undefined);
      await page.keyboard.press('Enter');
    });
    await step(page, 'edit an entity', () =>
      page.evaluate(() =>
        window.threadline!.actions.editDraft((d) => ({
          ok: true,
          id: 'eric-trump',
          draft: {
            ...d,
            entities: d.entities.map((e) =>
              e.id === 'eric-trump' ? { ...e, description: `${e.description} ` } : e,
            ),
          },
        })),
      ),
    );
    await step(page, 'Problems', () => tab('Problems'));
    await step(page, 'undo', () => page.evaluate(() => window.threadline!.actions.undo()));
    await step(page, 'Records', () => tab('Records'));
    const tasks = await page.evaluate(() => window.__authoring!.tasks);
    const steps = [...new Set(tasks.map((t) => t.step))];
    say(`browser: authoring: ${tasks.length} long tasks over ${steps.length} steps`);
    const names = [
      'open Build',
      'edit the open dataset',
      'Mentions',
      'Loom',
      'accept a loom sentence',
      'edit an entity',
      'Problems',
      'undo',
      'Records',
    ];
    return names.map((name) => {
      const mine = tasks.filter((t) => t.step === name).map((t) => t.ms);
      return { step: name, longTasks: mine.length, longestMs: mine.length ? Math.max(...mine) : 0 };
    });
  } finally {
    await context.close();
  }
}
