import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedAppPage } from './app-page';
import { exportFiles } from './export-downloads';
import { ARTIFACTS, tempDir } from './chromium';

/**
 * The article's denied and alleged relations, wherever a reader meets them: the inspector, the rows of a pair,
 * the canvas and an exported image's footer. None may read as established fact.
 */
describe('a relation that is not a fact says so everywhere', () => {
  const page = sharedAppPage();
  const dir = tempDir();
  const inspector = () => page().getByTestId('inspector');

  // Trump, Putin, Eric Trump and the banks he denied depending on.
  beforeAll(async () => {
    await page().evaluate(() => {
      const t = window.threadline!;
      const ids = ['donald-trump', 'vladimir-putin', 'eric-trump', 'american-banks', 'russian-mafia'];
      t.actions.restoreView(
        { visible: new Set(ids), addedBy: new Map(), positions: new Map() },
        null,
        t.getState().filters,
      );
    });
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return s.view.visible.size === 5 && [...s.view.visible].every((id) => s.positions.has(id));
    });
  });

  it('lists the denial among the Trump–Putin relations with its status, and titles it "Denied: …"', async () => {
    await page().evaluate(() => window.threadline!.actions.selectPair('donald-trump', 'vladimir-putin'));
    const row = inspector().locator('.relation-row[data-relation-id="trump-denies-acting-for-putin"]');
    await expect(row.locator('.relation-text').textContent()).resolves.toMatch(
      /^Denied: Donald Trump — acted on behalf of → Vladimir Putin/,
    );
    await row.click();
    await expect(inspector().locator('#inspector-title').textContent()).resolves.toBe(
      'Denied: Donald Trump acted on behalf of Vladimir Putin',
    );
  });

  it('labels the denied and the alleged edge on the canvas with their status', async () => {
    const labels = await page().evaluate(() => {
      const cy = window.threadline!.cy!;
      // What Cytoscape draws: the style's label, not only the data behind it.
      const drawn = (id: string) => String(cy.$id(id).style('label'));
      return { denied: drawn('eric-not-american-banks'), alleged: drawn('trump-ties-russian-mafia') };
    });
    expect(labels.denied).toBe('funded by (denied)');
    expect(labels.alleged).toMatch(/ \(alleged\)$/);
    await page().screenshot({ path: join(ARTIFACTS, 'status-wording-canvas.png') });
  });

  it('prints the denial in the exported SVG footer as "Denied: …", and on its edge', async () => {
    await page().keyboard.press('Escape');
    await page().getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page().getByRole('dialog', { name: 'Export' });
    await menu.getByRole('checkbox', { name: 'Numbered citations' }).check();
    // The evidence may continue on further pages: each is read.
    const files = await exportFiles(page(), menu, 'SVG', dir);
    const read = (svg: string) =>
      page().evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          // A heading wraps over bold lines: one entry each, read as one text.
          bold: [...doc.querySelectorAll('#page text[font-weight="bold"]')].map((t) => t.textContent ?? ''),
          labels: [...doc.querySelectorAll('#labels text')].map((t) => t.textContent ?? ''),
        };
      }, svg);
    const pages = await Promise.all(files.map((f) => read(f.bytes.toString('utf8'))));
    const bold = pages
      .flatMap((p) => p.bold)
      .join(' ')
      .split(/ (?=\[\d+\] )/);
    const texts = { bold, edges: pages[0]!.labels };
    const heading = texts.bold.find((t) => t.includes('Donald Trump acted on behalf of Vladimir Putin'));
    expect(heading).toMatch(/^\[\d+\] Denied: Donald Trump acted on behalf of Vladimir Putin/);
    const banks = texts.bold.find((t) => t.includes('Eric Trump funded by'));
    expect(banks).toMatch(/^\[\d+\] Denied: Eric Trump funded by /);
    expect(texts.edges).toContainEqual(expect.stringMatching(/^\[\d+\] funded by \(denied\)$/));
  });
});
