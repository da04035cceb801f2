import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { drawnEntityIds, sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

/** The article's bundle with 2 MB of numbered filler after its text: valid (every quote still where it was), and big. */
async function largeBundle(): Promise<Buffer> {
  const res = await fetch(new URL('datasets/trump-putin.json', inject('baseUrl')));
  const bundle = (await res.json()) as {
    dataset: { id: string; title: string };
    sources: Array<{ text: string }>;
  };
  const filler = Array.from(
    { length: 48_000 },
    (_, i) => `Filler line ${String(i).padStart(6, '0')}, which no quote cites.`,
  ).join('\n');
  bundle.sources[0]!.text += `\n\n${filler}\n`;
  bundle.dataset = { ...bundle.dataset, id: 'trump-putin-large', title: 'A large copy of the article' };
  return Buffer.from(JSON.stringify(bundle));
}

describe('cancelling Open…', () => {
  const page = sharedAppPage();

  const snapshot = () =>
    page().evaluate(() => {
      const s = window.threadline!.getState();
      return {
        dataset: s.model!.dataset.title,
        entities: s.model!.entities.size,
        selection: s.selection,
        visible: [...s.view.visible].sort(),
        undo: s.past.length,
        redo: s.future.length,
      };
    });

  it('shows the stage while a large bundle loads, and Cancel leaves the explorer exactly as it was', async () => {
    await page().evaluate(() => window.threadline!.actions.selectEntity('vladimir-putin'));
    const before = await snapshot();
    const drawnBefore = (await drawnEntityIds(page())).sort();
    const big = await largeBundle();
    expect(big.byteLength).toBeGreaterThan(2_000_000);

    // The loading worker's script is held back until after Cancel, so the load is surely still under way
    // when Cancel is pressed (however fast this machine checks the bundle).
    let held: Route | undefined;
    const arrived = new Promise<void>((resolve) => {
      void page().route('**/bundle.worker*', (route) => {
        held = route;
        resolve();
      });
    });
    await page()
      .getByTestId('open-bundle-input')
      .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: big });
    const bar = page().getByRole('progressbar', { name: 'Opening the file' });
    await bar.waitFor();
    await expect(bar.getAttribute('aria-valuetext')).resolves.toMatch(/^Reading, \d+%$/);
    await arrived;
    await page().screenshot({ path: join(ARTIFACTS, 'open-progress.png') });

    await page().getByRole('button', { name: 'Cancel' }).click();
    await expect(bar.count()).resolves.toBe(0);
    await held!.continue();
    await page().unroute('**/bundle.worker*');

    await expect(page().getByRole('button', { name: 'Open…' }).isEnabled()).resolves.toBe(true);
    await expect(snapshot()).resolves.toEqual(before);
    expect((await drawnEntityIds(page())).sort()).toEqual(drawnBefore);
    await expect(page().getByRole('alertdialog').count()).resolves.toBe(0);
    await expect(page().locator('.notice-error').count()).resolves.toBe(0);
    await expect(page().locator('.notice').last().textContent()).resolves.toContain(
      'Stopped opening large.json',
    );
  });

  it('the same file, not cancelled, opens: Cancel was what kept it out', async () => {
    const big = await largeBundle();
    await page()
      .getByTestId('open-bundle-input')
      .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: big });
    await page().waitForFunction(
      () => window.threadline!.getState().model!.dataset.title === 'A large copy of the article',
      undefined,
      { timeout: 30_000 },
    );
    await expect(page().locator('.notice').last().textContent()).resolves.toContain('Opened');
  });
});
