import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { sharedAppPage } from './app-page';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'two-sources');

/** The two-sources dataset compiled to a version 2 bundle, opened through Open… as a reader would. */
async function openTwoSources(page: Page): Promise<void> {
  const { bundle, problems } = validateDatasetFolder('two-sources', folderReader(FIXTURE));
  if (!bundle) throw new Error(`fixture does not compile: ${JSON.stringify(problems)}`);
  await page.getByTestId('open-bundle-input').setInputFiles({
    name: 'two-sources.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bundle)),
  });
  await page.waitForFunction(() => window.threadline!.getState().model?.dataset.id === 'two-sources');
  await page.waitForFunction(() => window.threadline!.settled());
}

describe('a bundle of the evidence model of many sources', () => {
  const page = sharedAppPage();

  it('opens (the loading worker checks version 2), and names an entity of a declared type by its label', async () => {
    await openTwoSources(page());
    await page().evaluate(() => window.threadline!.actions.selectEntity('sea-falcon'));
    const head = page().locator('.entity-panel .panel-head');
    await expect(head.textContent()).resolves.toContain('Vessel');
  });
});
