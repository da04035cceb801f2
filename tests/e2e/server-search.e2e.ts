/**
 * "Said in the sources" on a server dataset (`npm run serve` on PGlite, the bundled dataset imported into a
 * temporary folder): the search box asks the server's full-text search, not only the quotes the browser
 * has loaded; picking a quote loads its relation, evidence and source from the server, then opens the
 * relation and the quote in the reader as on a local dataset; words are found as they are typed, as on a
 * local dataset; with the server gone the group says so.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnEntityIds, openApp, waitSettled } from './app-page';

import { servedPage } from './threadline-server';

const served = servedPage('server-search');
let page: Page;
const errors = served.errors;
/** The step that fetches what a picked relation needs: the first sub-bundle, or a later delta. */
const FETCH_STEP = /\/api\/datasets\/trump-putin\/(loaded|delta)$/;

beforeAll(async () => {
  page = served.page();
  await openApp(page, served.server().base);
});

const box = () => page.getByRole('combobox', { name: 'Search entities and quotes' });
const group = () => page.getByRole('listbox', { name: 'Said in the sources' });
const selection = () => page.evaluate(() => window.threadline!.getState().selection);

describe('"Said in the sources" on a server dataset', () => {
  it('finds a quote the browser has not loaded, marked and worded; Enter loads its relation and opens it with the quote in the reader', async () => {
    expect(await page.evaluate(() => window.threadline!.getState().source.kind)).toBe('server');
    // The golf quote is nowhere in what the explorer opened on: only the server can find it.
    expect(await page.evaluate(() => window.threadline!.getState().model!.quotes.has('q-eric'))).toBe(false);

    await box().fill('golf');
    const hit = group().getByRole('option', { name: /golf courses/ });
    await hit.waitFor();
    expect(await hit.locator('.passage-kind').textContent()).toBe('Quote');
    expect(await hit.locator('mark').allTextContents()).toEqual(['golf']);
    const said = await page.evaluate(async () => {
      const res = await fetch('/api/datasets/trump-putin/search/passages?q=golf');
      const body = (await res.json()) as {
        passages: Array<{ quote: string; relations: Array<{ id: string; sentence: string }> }>;
      };
      return body.passages.find((p) => p.quote === 'q-eric')!.relations;
    });
    const context = (await hit.locator('.passage-context').textContent())!;
    expect(context).toBe(`${said[0]!.sentence} (and ${said.length - 1} more)`);
    await page.screenshot({ path: join(tmpdir(), 'threadline-server-search-golf.png') });

    // Held while the step fetches, to see the box say it is loading and nothing open before it arrives.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(FETCH_STEP, async (route) => {
      await held;
      await route.continue();
    });
    const entities = await page
      .getByRole('listbox', { name: 'Matching entities' })
      .getByRole('option')
      .count();
    for (let i = 0; i < entities; i++) await box().press('ArrowDown');
    await box().press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Loading the relation and its evidence from the server…' })
      .waitFor();
    expect(await selection()).toBeNull();
    release();
    await page.waitForFunction((id) => window.threadline!.getState().selection?.id === id, said[0]!.id);
    await page.unroute(FETCH_STEP);

    const relation = said[0]!.id;
    expect((await selection())?.kind).toBe('relation');
    expect(
      await page.evaluate((id) => window.threadline!.getState().model!.relations.get(id)!.evidence, relation),
    ).toContain('q-eric');
    const inspector = page.getByTestId('inspector');
    expect((await inspector.locator('blockquote').allTextContents()).join(' ')).toContain('golf courses');
    const focused = page.getByTestId('source-reader').locator('mark.is-focused');
    await focused.first().waitFor();
    expect((await focused.allTextContents()).join('')).toContain('golf courses');
    await waitSettled(page);
    const ends = await page.evaluate((id) => {
      const r = window.threadline!.getState().model!.relations.get(id)!;
      return [r.source, r.target];
    }, relation);
    const drawn = await drawnEntityIds(page);
    for (const id of ends) expect(drawn).toContain(id);
    expect(await page.locator('.fetch-status').isHidden()).toBe(true);
    await page.screenshot({ path: join(tmpdir(), 'threadline-server-search-picked.png') });
  });

  it('finds a quote from words still being typed, as a local dataset does, with the words they start marked', async () => {
    await box().fill('');
    // Key by key, as a person types: "cour" is no word, and no stem of one, until it is "courses".
    await box().pressSequentially('golf cour');
    const hit = group().getByRole('option', { name: /golf courses/ });
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['golf', 'courses']);
    await page.screenshot({ path: join(tmpdir(), 'threadline-server-search-typed.png') });
    // A word typed past its stem ("reportedl", stem "report") still finds "reportedly".
    await box().fill('eric reportedl');
    await group()
      .getByRole('option', { name: /reportedly claimed/ })
      .waitFor();
    expect(
      await group()
        .getByRole('option', { name: /reportedly claimed/ })
        .locator('mark')
        .allTextContents(),
    ).toEqual(['Eric', 'reportedly']);
    await box().fill('');
  });

  it('says in the group that the server is unavailable when it is gone, keeps what it drew, and searches again once it is back', async () => {
    const before = await drawnEntityIds(page);
    await served.restart(async () => {
      await box().fill('banks');
      await group()
        .getByText(/^The server is unavailable/)
        .waitFor();
      expect(await group().getByRole('option').count()).toBe(0);
      await page.screenshot({ path: join(tmpdir(), 'threadline-server-search-gone.png') });
      expect(await drawnEntityIds(page)).toEqual(before);
    });
    await box().fill('american banks');
    await group()
      .getByRole('option', { name: /American banks/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
