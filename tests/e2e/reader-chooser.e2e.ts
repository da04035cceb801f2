import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAppPage } from './app-page';
import { ARTIFACTS } from './chromium';

/**
 * In the article, "Trump, for his part, rejects the idea…" backs two relations of different statuses: Trump's
 * denial that he acts for Putin (denial) and Putin leading Russia (fact). Clicking it must ask which.
 */
describe('a highlight that backs several relations', () => {
  const page = sharedAppPage();
  const QUOTE = 'q-rejects-agent';
  const DENIAL = 'trump-denies-acting-for-putin';
  const LEADS = 'putin-leads-russia';

  const selectedId = () =>
    page().evaluate(() => {
      const s = window.threadline!.getState().selection;
      return s?.kind === 'relation' ? s.id : null;
    });
  const reader = () => page().getByTestId('source-reader');
  const highlight = () => reader().locator(`mark[data-quote-ids~="${QUOTE}"]`).first();
  const chooser = () => page().getByRole('dialog', { name: 'Relations this quote backs' });

  /** Selects a relation as a user would reach it, then follows its quote to the source. */
  const showInSourceFrom = async (relationId: string) => {
    await page().evaluate((id) => window.threadline!.actions.selectRelation(id), relationId);
    await page()
      .getByTestId('inspector')
      .locator(`li.evidence[data-quote-id="${QUOTE}"]`)
      .getByRole('button', { name: 'Show in source' })
      .click();
    await reader().locator(`mark.is-focused[data-quote-ids~="${QUOTE}"]`).first().waitFor();
  };

  it('lists both relations with their statuses, and choosing the second selects it', async () => {
    await showInSourceFrom(DENIAL);
    await highlight().click();
    await chooser().waitFor();
    const rows = chooser().getByRole('button');
    await expect(rows.count()).resolves.toBe(2);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('Donald Trump');
    expect(texts[0]).toContain('Denial');
    expect(texts[1]).toContain('Vladimir Putin');
    expect(texts[1]).toContain('Fact');
    // The relation the reader came from is the one marked, so going back is one press away.
    await expect(rows.nth(0).getAttribute('aria-current')).resolves.toBe('true');
    await page().screenshot({ path: join(ARTIFACTS, 'reader-chooser.png') });

    await rows.nth(1).click();
    await page().waitForFunction((id) => window.threadline!.getState().selection?.id === id, LEADS);
    await expect(chooser().count()).resolves.toBe(0);
    const drawnSelected = await page().evaluate(
      (id) => window.threadline!.cy!.$id(id).hasClass('is-selected'),
      LEADS,
    );
    expect(drawnSelected).toBe(true);
  });

  it('a "Show in source" round trip returns to the relation it started from, by keyboard too', async () => {
    await showInSourceFrom(LEADS);
    await highlight().focus();
    await page().keyboard.press('Enter');
    await chooser().waitFor();
    // Focus starts on the relation the reader came from: Enter goes straight back to it.
    const focused = await page().evaluate(() => document.activeElement?.getAttribute('data-relation-id'));
    expect(focused).toBe(LEADS);
    await page().keyboard.press('Enter');
    await expect(chooser().count()).resolves.toBe(0);
    expect(await selectedId()).toBe(LEADS);
    // Reading goes on where it was: focus is back on the highlight.
    const back = await page().evaluate(() => document.activeElement?.getAttribute('data-quote-ids') ?? '');
    expect(back.split(' ')).toContain(QUOTE);
  });

  it('Escape closes the chooser without changing the selection', async () => {
    await showInSourceFrom(DENIAL);
    await highlight().click();
    await chooser().waitFor();
    await page().keyboard.press('Escape');
    await expect(chooser().count()).resolves.toBe(0);
    expect(await selectedId()).toBe(DENIAL);
  });
});
