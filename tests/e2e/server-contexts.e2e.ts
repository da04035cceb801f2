/**
 * A server whose answers carry no text around quotes (`--answer-context 0`, as any answer past the budget
 * of text): each quote comes alone, and the explorer fetches the text around it when it is shown. The
 * evidence panel says it is reading it meanwhile, says why when the server is gone and offers to try again;
 * the interactive page fetches what it carries before it is written.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from './export-downloads';
import { ARTIFACTS } from './chromium';
import { servedPage } from './threadline-server';
import { sentenceAround } from '../../src/model/format/anchor';

const served = servedPage('server-contexts', ['--answer-context', '0'], { open: true });
const errors = served.errors;
let page: Page;
const downloads = served.downloads;

beforeAll(() => {
  page = served.page();
});

/** Part of a source's text as the server holds it. */
const serverText = (sourceId: string, start: number, end: number) =>
  page.evaluate(
    async ({ id, start, end }) => {
      const res = await fetch(
        `/api/datasets/trump-putin/sources/${encodeURIComponent(id)}/text?start=${start}&end=${end}`,
      );
      return ((await res.json()) as { text: string }).text;
    },
    { id: sourceId, start, end },
  );

/** Drawn relations with one quote, whose source the model holds only as that quote's own stretch. */
const quotesAlone = () =>
  page.evaluate(() => {
    const s = window.threadline!.getState();
    const model = s.model!;
    const found: Array<{
      relation: string;
      quote: string;
      exact: string;
      source: string;
      start: number;
      end: number;
    }> = [];
    for (const r of model.relations.values()) {
      if (r.evidence.length !== 1 || !s.view.visible.has(r.source) || !s.view.visible.has(r.target)) continue;
      const quote = model.quotes.get(r.evidence[0]!)!;
      const held = model.sources.get(quote.sourceId)?.held;
      const stretch = held?.stretches.find(
        (x) => x.start <= quote.start && quote.end <= x.start + x.text.length,
      );
      if (stretch && stretch.text.length < quote.exact.length + 50 && quote.start > 100)
        found.push({
          relation: r.id,
          quote: quote.id,
          exact: quote.exact,
          source: quote.sourceId,
          start: quote.start,
          end: quote.end,
        });
    }
    return found;
  });

/**
 * Those of `quotes` shown with text around them (the sentence runs past the quote: many quotes here are a
 * whole sentence, shown alone), with that text, from the server's whole text.
 */
async function withContext<Q extends { source: string; start: number; end: number }>(quotes: readonly Q[]) {
  const found: Array<Q & { context: string; around: string }> = [];
  for (const q of quotes) {
    const whole = await serverText(q.source, 0, 100_000);
    const { start, end } = sentenceAround(whole, q.start, q.end);
    if (start < q.start || end > q.end)
      found.push({
        ...q,
        context: whole.slice(start, end),
        around: whole.slice(start, q.start) + whole.slice(q.end, end),
      });
  }
  return found;
}

/** Selects `relation` and returns its evidence item in the inspector. */
async function select(relation: string) {
  await page.evaluate((id) => window.threadline!.actions.selectRelation(id), relation);
  return page.getByTestId('inspector').locator('.evidence').first();
}

describe('quotes sent alone, their context fetched when shown', () => {
  it('shows a quote at once, says it is reading the text around it, then shows it verbatim', async () => {
    const alone = await withContext(await quotesAlone());
    expect(alone.length).toBeGreaterThan(2);
    const { relation, exact, context } = alone[0]!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/contexts', async (route) => {
      await held;
      await route.continue();
    });
    const item = await select(relation);
    await expect.poll(() => item.locator('blockquote').textContent()).toBe(exact);
    await item
      .getByRole('status')
      .filter({ hasText: 'Reading the text around the quote from the server…' })
      .waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/server-context-reading.png` });
    release();
    await item.locator('.evidence-context mark').waitFor();
    await page.unroute('**/contexts');
    // The sentence around the quote, as the source's whole text has it.
    expect((await item.locator('.evidence-context').textContent())!.replace(/^…|…$/g, '')).toBe(context);
    expect(await item.getByRole('status').count()).toBe(0);
  });

  it('says why the text around a quote cannot be read when the server is gone, and reads it on Try again', async () => {
    const { relation, exact } = (await withContext(await quotesAlone())).at(-1)!;
    await page.route('**/contexts', (route) => route.abort('connectionrefused'));
    const item = await select(relation);
    const alert = item.getByRole('alert');
    await alert
      .filter({ hasText: 'The text around the quote could not be read: The server is unavailable' })
      .waitFor();
    expect(await item.locator('blockquote').textContent()).toBe(exact);
    await page.unroute('**/contexts');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await item.locator('.evidence-context mark').waitFor();
    expect(await item.locator('.evidence-context mark').textContent()).toBe(exact);
  });

  it('fetches the text around every quote an interactive page carries before writing it', async () => {
    // Plain words around a quote the explorer holds alone, in its sentence: the page must carry them.
    const words = (await withContext(await quotesAlone()))
      .map((q) => /[A-Za-z][A-Za-z ,]{10,}[A-Za-z]/.exec(q.around)?.[0])
      .find(Boolean);
    expect(words).toBeDefined();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    const [file] = await exportFiles(page, menu, 'Interactive page (HTML)', downloads);
    expect(readFileSync(file!.path, 'utf8')).toContain(words!);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
