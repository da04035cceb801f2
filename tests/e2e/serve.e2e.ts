/**
 * `npm run serve` on a fresh machine: with no DATABASE_URL it starts PGlite, imports the bundled dataset,
 * and hands out the built explorer, whose page reaches the API on the same origin.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawnEntityIds, openApp } from './app-page';
import { ARTIFACTS } from './chromium';
import { servedPage } from './threadline-server';

const served = servedPage('serve-e2e');

describe('npm run serve', () => {
  it('serves the explorer, which opens on the bundled dataset', async () => {
    expect(served.server().log).toContain('Imported trump-putin');
    const page = served.page();
    await openApp(page, served.server().base);
    const ids = await drawnEntityIds(page);
    expect(ids).toContain('donald-trump');
    await page.screenshot({ path: join(ARTIFACTS, 'served-explorer.png') });
  });

  it('answers the page’s API calls on the same origin: datasets, search, a relation’s quotes', async () => {
    const answers = await served.page().evaluate(async () => {
      const json = async (path: string) => (await fetch(path)).json();
      const datasets = (await json('/api/datasets')) as { datasets: Array<{ id: string }> };
      const search = (await json('/api/datasets/trump-putin/search/entities?q=putn')) as {
        entities: Array<{ id: string }>;
      };
      const relation = (await json('/api/datasets/trump-putin/relations/trump-leads-united-states')) as {
        evidence: Array<{ quote: { exact: string } }>;
      };
      // The same quotes the explorer's own model holds for it.
      const local = window.threadline!.getState().model!.relations.get('trump-leads-united-states')!;
      return {
        datasets: datasets.datasets.map((d) => d.id),
        first: search.entities[0]?.id,
        quotes: relation.evidence.map((e) => e.quote.exact),
        localQuotes: local.evidence.map((q) => window.threadline!.getState().model!.quotes.get(q)!.exact),
      };
    });
    expect(answers.quotes.length).toBeGreaterThan(0);
    expect(answers).toEqual({
      datasets: ['trump-putin'],
      first: 'vladimir-putin',
      quotes: answers.localQuotes,
      localQuotes: answers.localQuotes,
    });
  });

  it('answers an unknown API path with a JSON 404 rather than the explorer', async () => {
    const res = await served.page().request.get(`${served.server().base}api/nowhere`);
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('/api/nowhere');
  });
});
