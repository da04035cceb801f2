import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';

const draftOf = (page: Page) =>
  page.evaluate(() => {
    const d = window.threadline!.getState().draft;
    return d && { entities: d.entities.map((e) => e.id), relations: d.relations.length, quotes: d.quotes };
  });
const inModel = (page: Page, id: string) =>
  page.evaluate((id) => window.threadline!.getState().model!.entities.has(id), id);

/** Editing the bundled article in the Build workspace: what a deletion takes, what a quote edit may not do, problems. */
describe('editing the open dataset in the Build workspace', () => {
  const page = sharedAppPage();
  const shoot = async (name: string) => {
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().screenshot({ path: join(ARTIFACTS, `build-edit-${name}-1440.png`) });
    await page().setViewportSize({ width: 390, height: 844 });
    await page().screenshot({ path: join(ARTIFACTS, `build-edit-${name}-390.png`) });
    await page().setViewportSize({ width: 1440, height: 900 });
  };

  it('turns the article into a draft with every record, the graph as it was', async () => {
    await page().setViewportSize({ width: 1440, height: 900 });
    const drawn = await page().evaluate(() => window.threadline!.cy!.nodes().length);
    await page().getByRole('button', { name: 'Build', exact: true }).click();
    const title = await page().evaluate(() => window.threadline!.getState().model!.dataset.title);
    await page()
      .getByRole('button', { name: `Edit ${title}` })
      .click();
    const d = await draftOf(page());
    expect(d!.relations).toBe(
      await page().evaluate(() => window.threadline!.getState().model!.relations.size),
    );
    expect(await page().evaluate(() => window.threadline!.cy!.nodes().length)).toBe(drawn);
  });

  it('says what goes with a deleted entity, deletes exactly that, and undo brings it all back', async () => {
    await page().getByRole('tab', { name: 'Records' }).click();
    await page().getByRole('button', { name: 'Delete Eric Trump', exact: true }).click();
    const ask = page().getByRole('alertdialog', { name: 'Delete Eric Trump?' });
    expect(await ask.textContent()).toContain(
      'Delete Eric Trump, with 4 relations that rest on it; 1 quote loses its speaker or occasion?',
    );
    await shoot('1-delete-asks');
    const before = await draftOf(page());
    await ask.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => inModel(page(), 'eric-trump')).toBe(false);
    const after = await draftOf(page());
    expect(after!.entities).not.toContain('eric-trump');
    expect(after!.relations).toBe(before!.relations - 4);
    await page().keyboard.press('Control+z');
    await expect.poll(() => inModel(page(), 'eric-trump')).toBe(true);
    expect(await draftOf(page())).toEqual(before);
    await waitSettled(page());
  });

  it('refuses to save a quote edited into words its source does not have, and changes nothing', async () => {
    const before = await draftOf(page());
    const first = before!.quotes[0]!;
    const row = page().locator(`[data-record="quote:${first.id}"]`);
    await row.getByRole('button', { name: /^Edit/ }).click();
    await row.getByLabel('Exact text (verbatim from the source)').fill(`${first.exact} and more`);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => row.getByRole('alert').textContent())
      .toMatch(/is not verbatim in source "trump-putin-worldcrunch"$/);
    await shoot('2-quote-refused');
    expect(await draftOf(page())).toEqual(before);
    await row.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lists problems live, and a problem selects its record in the list and the graph', async () => {
    await page().getByRole('tab', { name: 'Records' }).click();
    await page().getByLabel('New entity').fill('Nobody in particular');
    await page().getByRole('button', { name: 'Add', exact: true }).click();
    await page().getByRole('tab', { name: 'Problems' }).click();
    const problem = page()
      .locator('.build-problems li')
      .filter({ hasText: 'entity "nobody-in-particular" takes part in no relation' });
    await problem.getByRole('button', { name: 'entity nobody-in-particular' }).click();
    await page().locator('[data-record="entity:nobody-in-particular"].is-focused').waitFor();
    expect(await page().evaluate(() => window.threadline!.getState().selection)).toEqual({
      kind: 'entity',
      id: 'nobody-in-particular',
    });
    await shoot('3-problem-selects');
  });
});
