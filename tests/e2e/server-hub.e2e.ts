/**
 * The hub prompt on a server dataset: the explorer holds only the neighbours of the pages it fetched, so
 * the number the prompt gives is the server's count of the hub's relations, as its per-type list is.
 */
import { describe, expect, it } from 'vitest';
import { openApp } from './app-page';
import { servedPage } from './threadline-server';

const served = servedPage('server-hub');
// More relations (116) than distinct neighbours (77): the two counts differ even before paging.
const HUB = 'donald-trump';

describe('the hub prompt on a server dataset', () => {
  it('gives the server’s count of the hub’s relations, and per type the same counts', async () => {
    const page = served.page();
    await openApp(page, served.server().base);
    const answer = await page.evaluate(async (id) => {
      const res = await fetch(`/api/datasets/trump-putin/entities/${id}/neighbours?limit=1`);
      return (await res.json()) as { total: number; counts: Array<{ type: string; n: number }> };
    }, HUB);
    await page.evaluate((id) => {
      const a = window.threadline!.actions;
      a.selectEntity(id);
      a.expand(id);
    }, HUB);
    const prompt = page.getByRole('alertdialog', { name: 'Large expansion' });
    await prompt.waitFor();
    const loaded = await page.evaluate(
      () => window.threadline!.getState().hubPrompt?.candidates ?? Number.NaN,
    );
    // The neighbours fetched and not yet shown, fewer than the server's relations.
    expect(loaded).toBeLessThan(answer.total);
    expect(await prompt.locator('p').first().textContent()).toBe(
      `It has ${answer.total} relations on the server. Choose what to show:`,
    );
    const listed = await prompt.locator('li').allTextContents();
    expect(listed.map((t) => Number(/\((\d+)\)$/.exec(t)?.[1]))).toEqual(answer.counts.map((c) => c.n));
  });
});
