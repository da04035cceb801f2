import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickToSelect, drawnRelationIds, openApp, waitOpened, waitSettled } from './app-page';
import { ARTIFACTS, launchBrowser, newContext, tempDir } from './chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');

const TEXT = [
  'Anna Berg, a Norwegian lawyer, met Carl Dahl in Oslo on 12 March 2021.',
  'Carl Dahl later denied that he had paid Anna Berg.',
  '“I never paid her,” Dahl told reporters.',
  'Nordic Bank hired Carl Dahl as an adviser in 2020.',
  'Anna Berg works for Nordic Bank.',
].join(' ');

const DENIAL = 'Carl Dahl later denied that he had paid Anna Berg.';
const WORKS = 'Anna Berg works for Nordic Bank.';
const HIRED = 'Nordic Bank hired Carl Dahl as an adviser in 2020.';

/** Selects a passage of the Build reader's text the way a mouse drag would leave it. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.evaluate((passage) => {
    const root = document.querySelector('[data-testid="build-text"]')!;
    const start = root.textContent!.indexOf(passage);
    if (start < 0) throw new Error(`"${passage}" is not in the reader`);
    const end = start + passage.length;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (start >= seen && start <= seen + len) range.setStart(n, start - seen);
      if (end >= seen && end <= seen + len) {
        range.setEnd(n, end - seen);
        break;
      }
      seen += len;
    }
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, passage);
  await page.getByRole('button', { name: 'Cite as evidence' }).waitFor();
}

const state = (page: Page) =>
  page.evaluate(() => {
    const d = window.threadline!.getState().draft;
    return d && { entities: d.entities.map((e) => e.id), relations: d.relations, quotes: d.quotes };
  });

describe('authoring a dataset in the Build workspace', () => {
  let browser: Browser | undefined;
  let page: Page;
  const shots: string[] = [];
  /** Each step at 1440×900 and again at 390×844, where the workspace is a sheet over the graph. */
  const shoot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `build-${name}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, `build-${name}-390.png`) });
    await page.setViewportSize({ width: 1440, height: 900 });
    shots.push(name);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    page = await (await newContext(browser, 1440, 900)).newPage();
    await openApp(page, inject('baseUrl'));
  });
  afterAll(async () => browser?.close());

  it('starts an empty dataset and pastes a text into it', async () => {
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await page.getByRole('button', { name: 'New dataset' }).click();
    expect(await page.evaluate(() => window.threadline!.cy!.nodes().length)).toBe(0);
    await page.getByLabel('Dataset title').fill('Oslo notes');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('button', { name: 'Add a source…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a source' });
    await dialog.getByLabel('Text', { exact: true }).fill(TEXT);
    await dialog.getByLabel('Title', { exact: true }).fill('Interview notes');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('build-text').getByText('Nordic Bank hired').waitFor();
    await shoot('1-pasted');
    const draft = await page.evaluate(() => window.threadline!.getState().draft!);
    expect(draft.dataset).toMatchObject({ id: 'oslo-notes', title: 'Oslo notes' });
    expect(Object.values(draft.texts)).toEqual([TEXT]);
  });

  it('accepts three mentions as entities, with the type their tag proposes', async () => {
    await page.getByRole('tab', { name: 'Mentions' }).click();
    const mentions = page.getByRole('list', { name: 'Mentions' });
    for (const name of ['Anna Berg', 'Carl Dahl', 'Nordic Bank']) {
      const row = mentions.locator('li', {
        has: page.locator('.build-name', { hasText: new RegExp(`^${name}$`) }),
      });
      await row.getByRole('button', { name: 'Accept' }).click();
      await row.waitFor({ state: 'detached' });
    }
    await shoot('2-mentions');
    const d = await state(page);
    expect(d!.entities).toEqual(['anna-berg', 'carl-dahl', 'nordic-bank']);
    const types = await page.evaluate(() => window.threadline!.getState().draft!.entities.map((e) => e.type));
    expect(types).toEqual(['person', 'person', 'organization']);
    // Accepted entities are drawn at once.
    expect(await page.evaluate(() => window.threadline!.cy!.nodes('[kind = "entity"]').length)).toBe(3);
  });

  it('cites a denial from a selection, with its cue, speaker and a new relation type', async () => {
    await page.getByRole('tab', { name: 'Read' }).click();
    await selectPassage(page, DENIAL);
    await page.getByRole('button', { name: 'Cite as evidence' }).click();
    const form = page.getByRole('form', { name: 'Cite as evidence' });
    await expect.poll(() => form.getByLabel('Status').inputValue()).toBe('denial');
    expect(await form.locator('mark.cue').textContent()).toBe('denied');
    expect(await form.getByLabel('From').inputValue()).toBe('carl-dahl');
    expect(await form.getByLabel('To').inputValue()).toBe('anna-berg');
    expect(await form.getByLabel('Speaker').inputValue()).toBe('carl-dahl');
    // No relation type yet: the form asks for a new one.
    expect(await form.getByLabel('Relation type').inputValue()).toBe('__new__');
    await form.getByLabel('Label (A … B)').fill('paid');
    await form.getByLabel('Inverse (B … A)').fill('was paid by');
    await shoot('3-cite-denial');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.waitFor({ state: 'detached' });
    const d = await state(page);
    expect(d!.relations).toEqual([
      expect.objectContaining({ id: 'carl-dahl-paid-anna-berg', status: 'denial', type: 'paid' }),
    ]);
    expect(d!.quotes[0]).toMatchObject({ exact: DENIAL, speaker: 'carl-dahl' });
  });

  it('cites a second passage as a fact between a person and an organisation', async () => {
    await selectPassage(page, WORKS);
    await page.getByRole('button', { name: 'Cite as evidence' }).click();
    const form = page.getByRole('form', { name: 'Cite as evidence' });
    expect(await form.getByLabel('Status').inputValue()).toBe('fact');
    expect(await form.getByLabel('From').inputValue()).toBe('anna-berg');
    expect(await form.getByLabel('To').inputValue()).toBe('nordic-bank');
    await form.getByLabel('Label (A … B)').fill('works for');
    await form.getByLabel('Inverse (B … A)').fill('employs');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.waitFor({ state: 'detached' });
    await shoot('4-cite-fact');
    expect((await state(page))!.relations.map((r) => r.id)).toEqual([
      'carl-dahl-paid-anna-berg',
      'anna-berg-works-for-nordic-bank',
    ]);
  });

  it('turns a sentence of the loom into a relation from the keyboard', async () => {
    await page.getByRole('tab', { name: 'Loom' }).click();
    const loom = page.getByTestId('loom');
    await loom.waitFor();
    await loom.focus();
    // j moves down until the current sentence is the hiring one.
    for (let i = 0; i < 12; i++) {
      const current = await loom.locator('.is-current .loom-sentence').textContent();
      if (current === HIRED) break;
      await page.keyboard.press('j');
    }
    expect(await loom.locator('.is-current .loom-sentence').textContent()).toBe(HIRED);
    expect(await loom.locator('.is-current .loom-type').textContent()).toBe('works for');
    await shoot('5-loom');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page))!.relations.length).toBe(3);
    const made = (await state(page))!.relations[2]!;
    expect(made).toMatchObject({
      source: 'carl-dahl',
      target: 'nordic-bank',
      type: 'works_for',
      date: '2020',
    });
    await waitSettled(page);
    expect((await drawnRelationIds(page)).sort()).toEqual(
      ['anna-berg-works-for-nordic-bank', 'carl-dahl-paid-anna-berg', made.id].sort(),
    );
  });

  it('undoes and redoes authoring with Ctrl+Z and Ctrl+Shift+Z', async () => {
    await page.locator('.graph-area').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await state(page))!.relations.length).toBe(2);
    await waitSettled(page);
    expect(await drawnRelationIds(page)).toHaveLength(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await state(page))!.relations.length).toBe(3);
    await waitSettled(page);
    expect(await drawnRelationIds(page)).toHaveLength(3);
    await shoot('6-redone');
  });

  it('clicks each edge to the quote behind it', async () => {
    const d = (await state(page))!;
    for (const r of d.relations) {
      await clickToSelect(page, r.id);
      const quote = d.quotes.find((q) => q.id === r.evidence[0])!;
      const inspector = page.getByTestId('inspector');
      await inspector.getByText(quote.exact).first().waitFor();
      if (r.status === 'denial') {
        expect(await inspector.textContent()).toContain('Denied');
        expect(await inspector.textContent()).toContain('Carl Dahl');
      }
    }
    await shoot('7-edge-quote');
  });

  it('keeps the draft across a reload, to be reopened from the list', async () => {
    const before = await state(page);
    await page
      .getByTestId('save-status')
      .getByText(/Saved in this browser/)
      .waitFor();
    await page.reload();
    await waitOpened(page);
    // The draft's view was not written into the address, where the dataset opening on reload would refuse it.
    expect(await page.evaluate(() => window.threadline!.getState().notices.map((n) => n.text))).toEqual([]);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await page
      .getByRole('region', { name: 'Saved drafts' })
      .getByRole('button', { name: 'Oslo notes', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Records' }).waitFor();
    expect(await state(page)).toEqual(before);
    await waitSettled(page);
    expect(await drawnRelationIds(page)).toHaveLength(3);
    await shoot('8-reopened');
  });

  it('exports a zip that the CLI validates, and its bundle opens in the explorer with each edge on its quote', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('oslo-notes.zip');
    const dir = tempDir();
    const zip = join(dir, 'oslo-notes.zip');
    await download.saveAs(zip);
    await shoot('9-exported');
    // The CLI reads the zip as it is: no error, no warning.
    const out = execFileSync('npx', ['tsx', 'scripts/validate.ts', zip], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(
      /: ok — 1 source\(s\), 3 entities, 3 relations, 3 quotes, 2 relation types, 0 warning\(s\)/,
    );
    // Compiled as graph-data/ would be, and opened with Open…, as a reader would receive it.
    const folder = join(dir, 'oslo-notes');
    mkdirSync(folder);
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), bytes);
    }
    const bundle = join(dir, 'oslo-notes.json');
    execFileSync('npx', ['tsx', 'scripts/compile.ts', join(folder, 'oslo-notes'), '--out', bundle], {
      cwd: ROOT,
    });
    const d = (await state(page))!;
    const fresh = await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await openApp(fresh, inject('baseUrl'));
    await fresh.getByTestId('open-bundle-input').setInputFiles(bundle);
    await fresh.waitForFunction(() => window.threadline?.getState().model?.dataset.id === 'oslo-notes');
    for (const r of d.relations) {
      await fresh.evaluate(() => window.threadline!.actions.clearSelection());
      await waitSettled(fresh);
      await clickToSelect(fresh, r.id);
      const quote = d.quotes.find((q) => q.id === r.evidence[0])!;
      await fresh.getByTestId('inspector').getByText(quote.exact).first().waitFor();
    }
    await fresh.screenshot({ path: join(ARTIFACTS, 'build-10-opened-1440.png') });
    // On a phone the bundle is opened at that size, so the graph is framed for it.
    const phone = await (await newContext(browser!, 390, 844)).newPage();
    await openApp(phone, inject('baseUrl'));
    await phone.getByTestId('open-bundle-input').setInputFiles(bundle);
    await phone.waitForFunction(() => window.threadline?.getState().model?.dataset.id === 'oslo-notes');
    await waitSettled(phone);
    await phone.screenshot({ path: join(ARTIFACTS, 'build-10-opened-390.png') });
    expect(shots.length).toBe(9);
  });
});
