/**
 * The explorer against `npm run serve` (PGlite, the bundled dataset imported into a temporary folder): it
 * opens the server's dataset through the server graph source and does what a journalist does on a local
 * one — search, expand, an edge to its quote, connect two entities, a PNG of the view — and when the
 * server goes away it keeps what it drew, says so, and works again once the server is back.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from './export-downloads';
import { clickElement, drawnEntityIds, drawnRelationIds, openApp, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';
import { servedPage } from './threadline-server';

const served = servedPage('server-explorer');
let page: Page;
const errors = served.errors;
const downloads = served.downloads;
const HUB = 'paul-manafort';

beforeAll(async () => {
  page = served.page();
});

const visible = () => page.evaluate(() => [...window.threadline!.getState().view.visible]);
const loadedEntities = () => page.evaluate(() => window.threadline!.getState().model!.entities.size);
const notices = () => page.locator('.notice').allTextContents();
/** What the server itself says a relation's quotes are. */
const serverQuotes = (relationId: string) =>
  page.evaluate(async (id) => {
    const res = await fetch(`/api/datasets/trump-putin/relations/${encodeURIComponent(id)}`);
    const body = (await res.json()) as { evidence: Array<{ quote: { exact: string } }> };
    return body.evidence.map((e) => e.quote.exact);
  }, relationId);

describe('the explorer on a server dataset', () => {
  it('opens the server’s dataset from part of it, lists the server’s datasets, and shares links naming it', async () => {
    await openApp(page, served.server().base);
    expect(await page.evaluate(() => window.threadline!.getState().source.kind)).toBe('server');
    const picker = page.getByRole('combobox', { name: 'Dataset on the server' });
    expect(await picker.locator('option').allTextContents()).toEqual([
      expect.stringMatching(/^Trump, Putin and Russia.*\(529 relations\)$/) as string,
    ]);
    expect(await loadedEntities()).toBeLessThan(228);
    expect(await drawnEntityIds(page)).toContain('donald-trump');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    await menu.getByRole('button', { name: 'Copy link to this view' }).click();
    const link = new URL(await menu.getByRole('textbox', { name: 'Link to this view' }).inputValue());
    expect(link.searchParams.get('server')).toBe('trump-putin');
    expect(link.searchParams.get('dataset')).toBeNull();
    await page.keyboard.press('Escape');
  });

  it('searches the server (typos too) and adds the entity it picks, fetching it first', async () => {
    const far = 'konstantin-kilimnik';
    expect(await page.evaluate((id) => window.threadline!.getState().model!.entities.has(id), far)).toBe(
      false,
    );
    await page.getByRole('combobox', { name: 'Search entities and quotes' }).fill('konstantin kilimnk');
    await page
      .getByRole('option', { name: /Konstantin Kilimnik/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) =>
        window.threadline!.getState().selection?.kind === 'entity' &&
        window.threadline!.getState().selection?.id === id,
      far,
    );
    await waitSettled(page);
    expect(await drawnEntityIds(page)).toContain(far);
  });

  it('expands a node with its neighbours from the server in one request, saying it is loading meanwhile', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    const count = (req: { url(): string }) => {
      if (req.url().includes('/api/')) asked.push(new URL(req.url()).pathname.replace(/.*\//, ''));
    };
    page.on('request', count);
    await page.route('**/trump-putin/expand', async (route) => {
      await held;
      await route.continue();
    });
    const before = await visible();
    const marks = () =>
      page.locator('[data-mark]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.mark!));
    const marksBefore = await marks();
    await clickElement(page, HUB, { double: true });
    await page.getByRole('status').filter({ hasText: 'Loading neighbours from the server…' }).waitFor();
    expect(await visible()).toEqual(before);
    release();
    await page.waitForFunction((n) => window.threadline!.getState().view.visible.size > n, before.length);
    await page.unroute('**/trump-putin/expand');
    await waitSettled(page);
    page.off('request', count);
    // The neighbour page and what it adds came in one answer, not one round trip after another.
    expect(asked).toEqual(['expand']);
    // The timeline follows the grown model (a moment after the canvas has drawn the step).
    await page.waitForFunction(
      (was) =>
        [...document.querySelectorAll<HTMLElement>('[data-mark]')].some(
          (el) => !was.includes(el.dataset.mark!),
        ),
      marksBefore,
    );
    expect((await marks()).length).toBeGreaterThan(0);
    const neighbours = await page.evaluate(async (id) => {
      const res = await fetch(`/api/datasets/trump-putin/entities/${id}/neighbours?limit=200`);
      return ((await res.json()) as { entities: Array<{ id: string }> }).entities.map((e) => e.id);
    }, HUB);
    const drawn = await drawnEntityIds(page);
    for (const id of neighbours) expect(drawn, id).toContain(id);
    expect(await page.locator('.fetch-status').isHidden()).toBe(true);
  });

  it('opens an edge’s quotes, verbatim as the server has them', async () => {
    const relation = (await drawnRelationIds(page)).find((id) => id.includes('manafort'))!;
    expect(relation).toBeDefined();
    await clickElement(page, relation);
    await page.waitForFunction((id) => window.threadline!.getState().selection?.id === id, relation);
    const shown = await page.getByTestId('inspector').locator('blockquote').allTextContents();
    const expected = await serverQuotes(relation);
    expect(expected.length).toBeGreaterThan(0);
    for (const q of expected)
      expect(
        shown.some((s) => s.includes(q)),
        q,
      ).toBe(true);
  });

  it('connects two entities through the server’s shortest paths, with their quotes', async () => {
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const panel = page.getByTestId('paths-panel');
    await panel.getByRole('combobox', { name: 'From: search entities' }).fill('Kilimnik');
    await panel.getByRole('option', { name: /Konstantin Kilimnik/ }).click();
    await panel.locator('[data-entity-id="konstantin-kilimnik"]').waitFor();
    await panel.getByRole('combobox', { name: 'To: search entities' }).fill('WikiLeaks');
    await panel
      .getByRole('option', { name: /^WikiLeaks/ })
      .first()
      .click();
    const first = panel.locator('.path-card').first();
    await first.waitFor();
    const sentences = await first.locator('.step-sentence').allTextContents();
    expect(sentences[0]).toMatch(/^Konstantin Kilimnik — /);
    expect(sentences.at(-1)).toMatch(/WikiLeaks$/);
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/datasets/trump-putin/paths?from=konstantin-kilimnik&to=wikileaks');
      return (await res.json()) as { paths: Array<{ entityIds: string[] }> };
    });
    expect(await first.locator('.narrative-step').count()).toBe(answer.paths[0]!.entityIds.length - 1);
    // Every step quotes its evidence, loaded with the entities the server's paths pass through.
    expect(await first.locator('.step-quote').count()).toBeGreaterThanOrEqual(
      answer.paths[0]!.entityIds.length - 1,
    );
    await page.getByRole('button', { name: 'Close the connection finder' }).click();
  });

  it('exports a PNG of the view drawn from the server', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Export' });
    // A view whose evidence runs past one page comes as its pages in a zip: the first page is read then.
    const [file] = await exportFiles(page, menu, 'PNG', downloads);
    const bytes = file!.name.endsWith('.zip')
      ? Buffer.from(
          Object.entries(unzipSync(new Uint8Array(file!.bytes))).sort(([a], [b]) =>
            a.localeCompare(b),
          )[0]![1],
        )
      : file!.bytes;
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(ARTIFACTS, 'server-explorer.png') });
  });

  it('says plainly when a link names a dataset the server does not have', async () => {
    // No view kept from the steps above: the page opens on the dataset's opening view.
    await page.evaluate(() => localStorage.clear());
    await openApp(page, served.server().base, '?server=no-such-dataset%3Cscript%3E');
    expect(await notices()).toContainEqual(
      expect.stringContaining(
        'There is no dataset "no-such-dataset<script>" on this server; showing Trump, Putin',
      ),
    );
    expect(await page.evaluate(() => window.threadline!.getState().model!.dataset.id)).toBe('trump-putin');
  });

  it('keeps what it drew when the server goes away, says so, and works again when the user acts again', async () => {
    await page.waitForFunction(() => window.threadline!.getState().view.visible.size > 0);
    await waitSettled(page);
    const before = await drawnEntityIds(page);
    await served.restart(async () => {
      await clickElement(page, HUB, { double: true });
      await page.locator('.notice', { hasText: 'The server is unavailable' }).waitFor();
      expect(await drawnEntityIds(page)).toEqual(before);
      expect(await page.locator('.fetch-status').isHidden()).toBe(true);
    });
    await clickElement(page, HUB, { double: true });
    await page.waitForFunction((n) => window.threadline!.getState().view.visible.size > n, before.length);
    expect(errors).toEqual([]);
  });
});
