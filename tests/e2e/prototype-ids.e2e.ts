import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { openApp, sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

/**
 * The entity, quote, source and relation type of this dataset are all "constructor", a name every plain
 * JavaScript object answers to (a relation cannot share an entity's id: both are elements of one graph).
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'prototype-ids');

function bundleText(): string {
  const { bundle, problems } = validateDatasetFolder('prototype-ids', folderReader(FIXTURE));
  if (!bundle) throw new Error(`fixture does not compile: ${JSON.stringify(problems)}`);
  return JSON.stringify(bundle);
}

async function openFixture(page: Page): Promise<void> {
  await page.getByTestId('open-bundle-input').setInputFiles({
    name: 'prototype-ids.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bundleText()),
  });
  await page.waitForFunction(() => window.threadline!.getState().model?.entities.size === 3);
  await page.waitForFunction(() => {
    const t = window.threadline!;
    return t.getState().positions.size === 3 && t.cy!.$('.is-awaiting-layout').empty();
  });
}

/** Drawn positions of the entity nodes, and how many distinct places they occupy. */
async function placesOf(page: Page): Promise<{ ids: string[]; distinct: number; edges: number }> {
  return page.evaluate(() => {
    const cy = window.threadline!.cy!;
    const nodes = cy.nodes('[kind = "entity"]');
    const at = new Set(nodes.map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    return {
      ids: nodes.map((n) => n.id()).sort(),
      distinct: at.size,
      edges: cy.edges('[kind = "relation"]').length,
    };
  });
}

describe('ids named like members of Object.prototype', () => {
  const page = sharedAppPage();

  it('opens a bundle whose ids are "constructor" and lays every node out apart', async () => {
    await openFixture(page());
    expect(await placesOf(page())).toEqual({
      ids: ['ada-lovelace', 'charles-babbage', 'constructor'],
      distinct: 3,
      edges: 3,
    });
    await page().evaluate(() => window.threadline!.actions.selectRelation('constructor-praised-lovelace'));
    const panel = page().locator('.inspector');
    await expect(panel.textContent()).resolves.toContain('praised Lovelace for her notes');
    await page().screenshot({ path: join(ARTIFACTS, 'prototype-ids.png') });
  });

  it('lays them out apart on the main thread too, when the layout worker cannot start', async () => {
    const other = await page().context().newPage();
    await other.route('**/layout.worker*', (route) => route.abort());
    await openApp(other, inject('baseUrl'));
    await openFixture(other);
    expect((await placesOf(other)).distinct).toBe(3);
    await other.close();
  });
});
