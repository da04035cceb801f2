import { describe, expect, inject, it } from 'vitest';
import { sharedAppPage } from './app-page';
import { pageWithHubPrompt } from './hub-bundle';

/** Escape closes what a button opened and gives focus back to that button. */
describe('Escape closes panels and menus', () => {
  const page = sharedAppPage();
  // The focused control's text, or the tag of whatever else holds focus (BODY when it was lost).
  const focused = () =>
    page().evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLButtonElement ? el.textContent?.trim() : el?.tagName;
    });

  it('closes Filters, from its button or from inside it, and focus returns to the button', async () => {
    await page().getByRole('button', { name: 'Filters' }).click();
    await page().getByTestId('filters-panel').waitFor();
    await page().getByTestId('filters-panel').getByRole('button', { name: 'Facts only' }).focus();
    await page().keyboard.press('Escape');
    await page().getByTestId('filters-panel').waitFor({ state: 'detached' });
    expect(await focused()).toBe('Filters');
  });

  it('closes Connect even from its focused entity field, and focus returns to Connect', async () => {
    await page().getByRole('button', { name: 'Connect', exact: true }).click();
    await page().getByTestId('paths-panel').waitFor();
    // The finder focuses its first field on opening.
    expect(await page().evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page().keyboard.press('Escape');
    await page().getByTestId('paths-panel').waitFor({ state: 'detached' });
    expect(await focused()).toBe('Connect');
  });

  it('closes the list view, and focus returns to List', async () => {
    await page().getByRole('button', { name: 'List' }).click();
    const list = page().getByTestId('list-view');
    await list.locator('.entity-list button').first().focus();
    await page().keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await focused()).toBe('List');
  });

  it('closes the Export menu and nothing behind it, and focus returns to Export', async () => {
    await page().evaluate(() => window.threadline!.actions.selectEntity('donald-trump'));
    await page().getByRole('button', { name: 'Filters' }).click();
    await page().getByRole('button', { name: 'Export' }).click();
    const menu = page().getByRole('dialog', { name: 'Export' });
    await menu.getByRole('radio', { name: '4×' }).focus();
    await page().keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Export');
    // One Escape, one layer: the filters and the selection are still there.
    expect(await page().getByTestId('filters-panel').isVisible()).toBe(true);
    expect(await page().evaluate(() => window.threadline!.getState().selection?.id)).toBe('donald-trump');
    await page().keyboard.press('Escape');
    await page().getByTestId('filters-panel').waitFor({ state: 'detached' });
    await page().keyboard.press('Escape');
    expect(await page().evaluate(() => window.threadline!.getState().selection)).toBeNull();
  });

  it('closes the problems of a broken file and leaves the selection as it was', async () => {
    await page().evaluate(() => window.threadline!.actions.selectEntity('vladimir-putin'));
    await page()
      .getByTestId('open-bundle-input')
      .setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "threadline-bundle", "entities": [}'),
      });
    const problems = page().getByRole('alertdialog');
    await problems.waitFor();
    await page().keyboard.press('Escape');
    await problems.waitFor({ state: 'detached' });
    expect(await page().evaluate(() => window.threadline!.getState().selection?.id)).toBe('vladimir-putin');
  });

  it('dismisses a hub prompt and keeps the hub selected', async () => {
    const { other, hub } = await pageWithHubPrompt(page(), inject('baseUrl'));
    try {
      const prompt = other.getByRole('alertdialog', { name: 'Large expansion' });
      const visible = await other.evaluate(() => window.threadline!.getState().view.visible.size);
      await other.keyboard.press('Escape');
      await prompt.waitFor({ state: 'detached' });
      expect(await other.evaluate(() => window.threadline!.getState().selection?.id)).toBe(hub);
      expect(await other.evaluate(() => window.threadline!.getState().view.visible.size)).toBe(visible);
    } finally {
      await other.close();
    }
  });
});
