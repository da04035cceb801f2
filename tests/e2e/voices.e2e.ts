import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { clickToSelect, drawnRelationIds, openApp, waitSettled } from './app-page';
import { seriousViolations } from './axe';
import { ARTIFACTS, launchBrowser, newContext } from './chromium';

/**
 * Who says what: a made-up affair told by a report and an article that do not always agree
 * (tests/fixtures/datasets/two-sources). The reader must see each source's voice, ask what one source
 * says, see where they disagree, and move between the two texts.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'datasets', 'two-sources');
const REPORT = 'Report on the Port Ash affair';
const ARTICLE = 'The ship that never docked';

function bundleText(): string {
  const { bundle, problems } = validateDatasetFolder('two-sources', folderReader(FIXTURE));
  if (!bundle) throw new Error(`fixture does not compile: ${JSON.stringify(problems)}`);
  return JSON.stringify(bundle);
}

/** Opens the fixture with Open… and shows all nine of its entities, laid out. */
async function openFixture(page: Page): Promise<void> {
  await page.getByTestId('open-bundle-input').setInputFiles({
    name: 'two-sources.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bundleText()),
  });
  await page.waitForFunction(() => window.threadline!.getState().model?.dataset.id === 'two-sources');
  await page.evaluate(() => {
    const t = window.threadline!;
    const ids = t.getState().model!.data.entities.map((e) => e.id);
    t.actions.restoreView(
      { visible: new Set(ids), addedBy: new Map(), positions: new Map() },
      null,
      t.getState().filters,
    );
  });
  await page.waitForFunction(() => {
    const s = window.threadline!.getState();
    return s.view.visible.size === 9 && [...s.view.visible].every((id) => s.positions.has(id));
  });
  await waitSettled(page);
}

const edgeLabel = (page: Page, id: string) =>
  page.evaluate((id) => String(window.threadline!.cy!.$id(id).style('label')), id);

async function session(width: number, height: number) {
  const browser = await launchBrowser();
  const page = await (await newContext(browser, width, height)).newPage();
  await openApp(page, inject('baseUrl'));
  await openFixture(page);
  return { browser, page };
}

describe('a relation stated by two sources', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const s = await session(1440, 900);
    page = s.page;
    close = () => s.browser.close();
  });
  afterAll(() => close());

  it('shows each source with its own status and quote in the inspector', async () => {
    await clickToSelect(page, 'mercer-met-volkov');
    const inspector = page.getByTestId('inspector');
    const voices = inspector.locator('.voice');
    await expect(
      voices.evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id'))),
    ).resolves.toEqual(['the-report', 'the-article']);
    const report = inspector.locator('.voice[data-source-id="the-report"]');
    const article = inspector.locator('.voice[data-source-id="the-article"]');
    await expect(report.locator('.voice-facts .status-badge').allTextContents()).resolves.toEqual(['Fact']);
    await expect(article.locator('.voice-facts .status-badge').allTextContents()).resolves.toEqual(['Claim']);
    await expect(report.locator('blockquote').textContent()).resolves.toBe(
      'Alice Mercer met Boris Volkov at the harbour meeting in Port Ash',
    );
    await expect(article.locator('blockquote').textContent()).resolves.toBe(
      'Boris Volkov claims that he met Alice Mercer on Tuesday',
    );
    await expect(article.locator('.voice-facts').textContent()).resolves.toContain('by Boris Volkov');
    await expect(inspector.getByTestId('voices-summary').textContent()).resolves.toBe(
      'Stated as fact by the report; claimed by Boris Volkov',
    );
    await expect(inspector.locator('h3').first().textContent()).resolves.toContain('2 independent sources');
    // Two sources draw a wider line than one.
    const widths = await page.evaluate(() => {
      const cy = window.threadline!.cy!;
      return [cy.$id('mercer-met-volkov'), cy.$id('volkov-attended-meeting')].map((e) =>
        e.numericStyle('width'),
      );
    });
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    await page.screenshot({ path: join(ARTIFACTS, 'voices-inspector-two-sources.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sets the sides of a dispute next to each other and draws the relation as contested', async () => {
    await clickToSelect(page, 'volkov-controls-sea-falcon');
    const dispute = page.getByTestId('inspector').getByTestId('dispute');
    const sides = await dispute.locator('.dispute-side').evaluateAll((els) =>
      els.map((e) => ({
        side: e.querySelector('h4')?.textContent,
        voices: [...e.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
      })),
    );
    expect(sides).toEqual([
      { side: 'Affirmed', voices: ['Allegation by Kestrel memo · the report'] },
      { side: 'Denied or refuted', voices: ['Refuted by the article'] },
    ]);
    // Refuted reads as refuted on the canvas and in the title; contested is said in words too.
    await expect(edgeLabel(page, 'volkov-controls-sea-falcon')).resolves.toBe(
      'controls (refuted) · contested',
    );
    await expect(page.locator('#inspector-title').textContent()).resolves.toBe(
      'Refuted: Boris Volkov controls Sea Falcon',
    );
    const look = await page.evaluate(() => {
      const e = window.threadline!.cy!.$id('volkov-controls-sea-falcon');
      return { outline: e.numericStyle('line-outline-width'), core: e.style('line-color') };
    });
    expect(look.outline).toBeGreaterThan(0);
    expect(look.core).toBe('rgb(255,255,255)');
    const legend = await page
      .getByRole('region', { name: 'Legend' })
      .getByTestId('legend-sources')
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(legend).toEqual(['1 source 8', '2 sources 2', 'Contested 3']);
  });

  it('links a relation to the relation that answers it, and back', async () => {
    await page.evaluate(() => window.threadline!.actions.selectRelation('sea-falcon-docked-port-ash'));
    const dispute = page.getByTestId('inspector').getByTestId('dispute');
    await expect(dispute.locator('.dispute-side').nth(1).textContent()).resolves.toContain(
      'by Northwind Shipping and Ruritania',
    );
    await dispute.getByRole('button', { name: 'Denied: Sea Falcon docked at Port Ash' }).click();
    await page.waitForFunction(
      () => window.threadline!.getState().selection?.id === 'sea-falcon-never-docked',
    );
    await page
      .getByTestId('inspector')
      .getByRole('button', { name: 'Reported: Sea Falcon docked at Port Ash' })
      .click();
    await page.waitForFunction(
      () => window.threadline!.getState().selection?.id === 'sea-falcon-docked-port-ash',
    );
  });

  it('"the report only" hides what only the article says and draws the rest as the report presents it', async () => {
    await page.keyboard.press('Escape');
    const onlyArticle = ['sea-falcon-never-docked', 'northwind-fronts-for-volkov'];
    expect(await drawnRelationIds(page)).toEqual(expect.arrayContaining(onlyArticle));
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const panel = page.getByTestId('filters-panel');
    await panel.getByRole('button', { name: `Only ${REPORT}` }).click();
    await page.waitForFunction(
      (gone) => gone.every((id) => window.threadline!.cy!.$id(id).empty()),
      onlyArticle,
    );
    // The report relays the memo's allegation where the article calls it debunked.
    await expect(edgeLabel(page, 'volkov-controls-sea-falcon')).resolves.toBe(
      'controls (alleged) · contested',
    );
    await expect(
      panel
        .getByTestId('source-facet')
        .getByRole('checkbox', { name: new RegExp(ARTICLE) })
        .isChecked(),
    ).resolves.toBe(false);
    // The share link keeps it.
    await page.waitForFunction(() => window.location.hash.includes(';hx=the-article;'));
    // And the article alone: the meeting is Volkov's claim there.
    await panel.getByRole('button', { name: `Only ${ARTICLE}` }).click();
    await page.waitForFunction(() => window.threadline!.cy!.$id('mercer-attended-meeting').empty());
    await expect(edgeLabel(page, 'mercer-met-volkov')).resolves.toBe('met (claimed)');
    await panel.getByRole('button', { name: 'All sources' }).click();
    await page.waitForFunction(() => !window.threadline!.cy!.$id('mercer-attended-meeting').empty());
    await expect(edgeLabel(page, 'mercer-met-volkov')).resolves.toBe('met');
  });

  it('keeps only the contested relations, or those two sources state', async () => {
    const panel = page.getByTestId('filters-panel');
    await panel.getByRole('checkbox', { name: 'Contested only' }).check();
    await page.waitForFunction(() => window.threadline!.cy!.edges('[kind = "relation"]').length === 3);
    expect((await drawnRelationIds(page)).sort()).toEqual([
      'sea-falcon-docked-port-ash',
      'volkov-controls-sea-falcon',
      'volkov-paid-mercer',
    ]);
    await panel.getByRole('checkbox', { name: 'Contested only' }).uncheck();
    await panel.getByRole('combobox', { name: 'Minimum independent sources' }).selectOption('2');
    await page.waitForFunction(() => window.threadline!.cy!.edges('[kind = "relation"]').length === 2);
    expect((await drawnRelationIds(page)).sort()).toEqual([
      'mercer-met-volkov',
      'volkov-controls-sea-falcon',
    ]);
    await page.waitForFunction(() => window.location.hash.includes(';ms=2;'));
    await page.screenshot({ path: join(ARTIFACTS, 'voices-filters.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Reset all' }).click();
    await page.waitForFunction(() => window.threadline!.cy!.edges('[kind = "relation"]').length === 10);
  });

  it('switches the reader between the sources, each highlighted in its colour, and opens a disagreement', async () => {
    await page.getByRole('button', { name: 'Close filters' }).click();
    await page.evaluate(() => window.threadline!.actions.selectRelation('mercer-met-volkov'));
    await page
      .locator('.voice[data-source-id="the-report"]')
      .getByRole('button', { name: 'Show in source' })
      .click();
    const reader = page.getByTestId('source-reader');
    await expect(reader.locator('h2').textContent()).resolves.toBe(REPORT);
    const markColour = () =>
      reader
        .locator('.reader-body mark:not(.is-selected)')
        .first()
        .evaluate((m) => getComputedStyle(m).backgroundColor);
    const reportColour = await markColour();
    await reader.getByRole('combobox', { name: 'Source' }).selectOption('the-article');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="source-reader"]')?.getAttribute('data-source-id') ===
        'the-article',
    );
    await expect(reader.locator('h2').textContent()).resolves.toBe(ARTICLE);
    expect(await markColour()).not.toBe(reportColour);
    const disputes = reader.getByTestId('reader-disputes');
    await disputes.locator('summary').click();
    await expect(disputes.locator('.dispute-relation').allTextContents()).resolves.toEqual([
      'Reported: Sea Falcon docked at Port Ash',
      'Refuted: Boris Volkov controls Sea Falcon',
    ]);
    await disputes.getByRole('button', { name: /Refuted: Boris Volkov controls Sea Falcon/ }).click();
    await page.waitForFunction(
      () => window.threadline!.getState().selection?.id === 'volkov-controls-sea-falcon',
    );
    // The article's own quote of it is the one focused.
    await page.waitForFunction(() =>
      document.querySelector('.reader-body mark.is-focused')?.textContent?.includes('widely debunked'),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'voices-reader.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('on a phone', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const s = await session(390, 844);
    page = s.page;
    close = () => s.browser.close();
  });
  afterAll(() => close());

  it('shows both sources of a relation in the inspector sheet, within the screen width', async () => {
    await page.evaluate(() => window.threadline!.actions.selectRelation('volkov-controls-sea-falcon'));
    const inspector = page.getByTestId('inspector');
    await inspector.locator('.voice').nth(1).waitFor();
    expect(await inspector.locator('.voice').count()).toBe(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await inspector.getByTestId('dispute').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'voices-phone.png') });
  });
});
