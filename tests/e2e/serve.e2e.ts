/**
 * `npm run serve` on a fresh machine: with no DATABASE_URL it starts PGlite, imports the bundled dataset,
 * and hands out the built explorer, whose page reaches the API on the same origin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnEntityIds, openApp } from './app-page';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';
import { startServer, type RunningServer } from './threadline-server';

let server: RunningServer | undefined;
let base = '';
let browser: Browser | undefined;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'threadline-serve-e2e-'));

beforeAll(async () => {
  server = await startServer(dataDir);
  base = server.base;
  expect(server.log).toContain('Imported trump-putin');
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it('serves the explorer, which opens on the bundled dataset', async () => {
    await openApp(page, base);
    const ids = await drawnEntityIds(page);
    expect(ids).toContain('donald-trump');
    await page.screenshot({ path: join(ARTIFACTS, 'served-explorer.png') });
  });

  it('answers the page’s API calls on the same origin: datasets, search, a relation’s quotes', async () => {
    const answers = await page.evaluate(async () => {
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
    const res = await page.request.get(`${base}api/nowhere`);
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('/api/nowhere');
  });
});
