import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, sharedAppPage } from './app-page';
import { seriousViolations } from './axe';
import { ARTIFACTS, launchBrowser } from './chromium';
import { pageWithHubPrompt } from './hub-bundle';

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
    const { other } = await pageWithHubPrompt(page(), inject('baseUrl'));
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
