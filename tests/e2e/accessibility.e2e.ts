import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { openApp, sharedAppPage } from './app-page';
import { seriousViolations } from './axe';
import { ARTIFACTS, launchBrowser } from './chromium';

/** A small synthetic bundle, and its entity with the most distinct neighbours (enough to ask before expanding). */
function hubBundle(): { text: string; hub: string; neighbours: number } {
  const { files } = generateDataset({ entities: 400, relations: 2500, seed: 7, sourceBytes: 40_000 });
  const { bundle } = validateDatasetFolder('hub-check', (path) => files.get(path));
  if (!bundle) throw new Error('the generated dataset did not validate');
  bundle.dataset = { ...bundle.dataset, id: 'hub-check' };
  const around = new Map<string, Set<string>>();
  for (const r of bundle.relations) {
    around.set(r.source, (around.get(r.source) ?? new Set()).add(r.target));
    around.set(r.target, (around.get(r.target) ?? new Set()).add(r.source));
  }
  const [hub, set] = [...around].sort((a, b) => b[1].size - a[1].size)[0]!;
  return { text: JSON.stringify(bundle), hub, neighbours: set.size };
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  const found = await seriousViolations(page);
  if (found.length > 0) await page.screenshot({ path: join(ARTIFACTS, `axe-${state}.png`) });
  expect(found, `axe in the state "${state}"`).toEqual([]);
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  const page = sharedAppPage();
  const act = (fn: () => void) => page().evaluate(fn);

  it('has a level-one heading naming the app and the dataset', async () => {
    const h1 = page().locator('h1');
    await expect(h1.count()).resolves.toBe(1);
    await expect(h1.textContent()).resolves.toMatch(/Threadline.*Trump/);
  });

  it('in the default view', async () => {
    await expectAccessible(page(), 'default');
  });

  it('with an entity selected', async () => {
    await act(() => window.threadline!.actions.selectEntity('donald-trump'));
    await page().getByTestId('inspector').locator('h2', { hasText: 'Donald Trump' }).waitFor();
    await expectAccessible(page(), 'entity');
  });

  it('with a relation and its evidence selected', async () => {
    await act(() => window.threadline!.actions.selectRelation('trump-praise-for-praise'));
    await page().getByTestId('inspector').locator('blockquote').first().waitFor();
    await expectAccessible(page(), 'relation');
  });

  it('with a bundled pair selected', async () => {
    await act(() => window.threadline!.actions.selectPair('donald-trump', 'vladimir-putin'));
    await page().getByTestId('inspector').locator('.relation-row').first().waitFor();
    await expectAccessible(page(), 'pair');
  });

  it('with the source reader open', async () => {
    await page().getByRole('button', { name: 'Source', exact: true }).click();
    await page().getByTestId('source-reader').locator('mark').first().waitFor();
    await expectAccessible(page(), 'reader');
    await page().getByRole('button', { name: 'Close source reader' }).click();
  });

  it('with the connection finder showing paths', async () => {
    await act(() => window.threadline!.actions.setConnect({ from: 'eric-trump', to: 'vladimir-putin' }));
    await page().locator('.path-list li').first().waitFor();
    await expectAccessible(page(), 'connect');
  });

  it('with the filters open', async () => {
    await page().getByRole('button', { name: 'Filters' }).click();
    await page().getByTestId('filters-panel').waitFor();
    await expectAccessible(page(), 'filters');
    await page().getByRole('button', { name: 'Close filters' }).click();
  });

  it('with the export menu open', async () => {
    await page().getByRole('button', { name: 'Export' }).click();
    await page().getByRole('dialog', { name: 'Export' }).waitFor();
    await expectAccessible(page(), 'export');
    await page().keyboard.press('Escape');
  });

  it('with the problems of a broken file listed', async () => {
    const other = await page().context().newPage();
    await openApp(other, inject('baseUrl'));
    await other.getByTestId('open-bundle-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "threadline-bundle", "entities": [}'),
    });
    await other.getByRole('alertdialog').waitFor();
    await expectAccessible(other, 'problems');
    await other.close();
  });

  it('when a hub asks before expanding', async () => {
    const { text, hub, neighbours } = hubBundle();
    expect(neighbours).toBeGreaterThan(50);
    const other = await page().context().newPage();
    await openApp(other, inject('baseUrl'));
    await other
      .getByTestId('open-bundle-input')
      .setInputFiles({ name: 'hub.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.waitForFunction(() => window.threadline!.getState().model?.dataset.id === 'hub-check');
    await other.evaluate((id) => {
      const a = window.threadline!.actions;
      a.selectEntity(id);
      a.expand(id);
    }, hub);
    await other.getByRole('alertdialog', { name: 'Large expansion' }).waitFor();
    await expectAccessible(other, 'hub-prompt');
    await other.close();
  });

  it('on a phone-sized screen, with its menu open', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      });
      const small = await context.newPage();
      await openApp(small, inject('baseUrl'));
      await expectAccessible(small, 'small');
      await small.getByRole('button', { name: 'Menu' }).click();
      await expectAccessible(small, 'small-menu');
    } finally {
      await browser.close();
    }
  });
});
