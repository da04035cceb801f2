/** A small synthetic bundle with a hub: an entity with enough distinct neighbours that expanding it asks first. */
import type { Page } from 'playwright-core';
import { openApp } from './app-page';
import { generateDataset } from '../../scripts/synthetic/generate';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';

/** A small synthetic bundle, and its entity with the most distinct neighbours (enough to ask before expanding). */
export function hubBundle(): { text: string; hub: string; neighbours: number } {
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

/** Opens the hub bundle with Open… and waits for the explorer to show it. */
export async function openHubBundle(page: Page, text: string): Promise<void> {
  await page
    .getByTestId('open-bundle-input')
    .setInputFiles({ name: 'hub.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => window.threadline!.getState().model?.dataset.id === 'hub-check');
}

/** A new page of `page`'s context on the hub bundle, with the hub selected and its expansion asking first. */
export async function pageWithHubPrompt(page: Page, baseUrl: string): Promise<{ other: Page; hub: string }> {
  const { text, hub, neighbours } = hubBundle();
  if (neighbours <= 50) throw new Error(`the hub has ${neighbours} neighbours: too few to ask first`);
  const other = await page.context().newPage();
  await openApp(other, baseUrl);
  await openHubBundle(other, text);
  await other.evaluate((id) => {
    const a = window.threadline!.actions;
    a.selectEntity(id);
    a.expand(id);
  }, hub);
  await other.getByRole('alertdialog', { name: 'Large expansion' }).waitFor();
  return { other, hub };
}
