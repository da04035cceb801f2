/**
 * Authoring on the article in the Build workspace, with every main-thread task over 50 ms recorded (the
 * browser's long tasks) and told apart by the step it fell in: the "no main-thread task exceeds
 * 200 ms while authoring", measured rather than asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { largeDatasetZip, largeNewsPage } from './authoring-files';
import { ROOT } from './dist';
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

declare global {
  interface Window {
    __staged?: File;
  }
}

/**
 * Makes a File in the page before a step, so the step measures the app reading it and not the bench
 * building it (Playwright's setInputFiles decodes the bytes in the page, a long task of its own).
 */
async function stageFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, type, base64 }) => {
      const raw = atob(base64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      window.__staged = new File([data], name, { type });
    },
    { name, type, base64: bytes.toString('base64') },
  );
}

/** Hands the staged File to a file input as a pick would. */
const pickStaged = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((input: HTMLInputElement) => {
    const picked = new DataTransfer();
    picked.items.add(window.__staged!);
    input.files = picked.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });

async function step(page: Page, name: string, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate((n) => (window.__authoring!.step = n), name);
  await act();
  await page.waitForFunction(() => window.threadline?.settled() !== false);
  await idle(page);
}

const ARTICLE = join(ROOT, 'graph-data', 'trump-putin');
const ARTICLE_SOURCE = 'trump-putin-worldcrunch';
/** Large files a reporter may open: a news page of 500 KB, a dataset zip whose source is 4.5 MB. */
const HTML_BYTES = 500 * 1024;
const ZIP_SOURCE_CHARS = 4.5 * 1024 * 1024;
export const AUTHORING_FILE_STEPS = {
  html: `open a ${HTML_BYTES / 1024} KB HTML page as a source`,
  zip: `import a dataset zip with a ${ZIP_SOURCE_CHARS / 1024 / 1024} MB source`,
};

export async function measureAuthoring(env: BenchEnv, say: (m: string) => void): Promise<AuthoringStep[]> {
  const text = readFileSync(join(ARTICLE, 'sources', `${ARTICLE_SOURCE}.txt`), 'utf8');
  const html = Buffer.from(largeNewsPage(text, HTML_BYTES, 60_000));
  const zip = Buffer.from(largeDatasetZip(ARTICLE, ARTICLE_SOURCE, ZIP_SOURCE_CHARS));
  say(
    `browser: authoring files: ${Math.round(html.byteLength / 1024)} KB page, ${Math.round(zip.byteLength / 1024)} KB zip`,
  );
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
    await step(page, 'Sources', () => tab('Sources'));
    await step(page, 'Add a source…', () => page.getByRole('button', { name: 'Add a source…' }).click());
    const dialog = page.getByRole('dialog', { name: 'Add a source' });
    await stageFile(page, 'analysis.html', 'text/html', html);
    await step(page, AUTHORING_FILE_STEPS.html, async () => {
      await pickStaged(page, 'source-file-input');
      await dialog.getByText(/^From analysis\.html/).waitFor({ timeout: 60_000 });
    });
    await step(page, 'close the dialog', () =>
      page.getByRole('dialog', { name: 'Add a source' }).getByRole('button', { name: 'Cancel' }).click(),
    );
    await stageFile(page, 'trump-putin.zip', 'application/zip', zip);
    await step(page, AUTHORING_FILE_STEPS.zip, async () => {
      await pickStaged(page, 'import-zip-input');
      await page.getByText(/^Imported “/).waitFor({ timeout: 120_000 });
    });
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
      'Sources',
      'Add a source…',
      AUTHORING_FILE_STEPS.html,
      'close the dialog',
      AUTHORING_FILE_STEPS.zip,
    ];
    return names.map((name) => {
      const mine = tasks.filter((t) => t.step === name).map((t) => t.ms);
      return { step: name, longTasks: mine.length, longestMs: mine.length ? Math.max(...mine) : 0 };
    });
  } finally {
    await context.close();
  }
}
