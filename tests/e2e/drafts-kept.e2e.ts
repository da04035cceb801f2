import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { openApp, sharedAppPage, waitOpened } from './app-page';
import { ARTIFACTS } from './chromium';
import { smallDraft } from '../unit/draft-fixture';
import type { Draft } from '../../src/model/authoring/draft';

/** What the author makes is kept in the browser (IndexedDB): drafts as they are edited, and the file opened with Open…. */
describe('drafts and opened files survive a reload', () => {
  const page = sharedAppPage();

  it('keeps the last edit of a draft when the page reloads at once, before the debounced save was due', async () => {
    const first = smallDraft('reload-draft');
    const last: Draft = {
      ...first,
      dataset: { ...first.dataset, title: 'Letters, the last edit' },
      updatedAt: '2026-01-02T03:04:06.000Z',
    };
    await page().evaluate((a) => window.threadline!.io.autosave(a), first);
    await expect
      .poll(() => page().evaluate(() => window.threadline!.io.loadDraft('reload-draft')))
      .toEqual(first);
    await page().evaluate((b) => window.threadline!.io.autosave(b), last);
    // No wait: the save is still pending when the page goes.
    await page().reload();
    await waitOpened(page());
    const kept = await page().evaluate(() => window.threadline!.io.loadDraft('reload-draft'));
    expect(kept).toEqual(last);
    const list = await page().evaluate(() => window.threadline!.io.listDrafts());
    expect(list.find((d) => d.key === 'reload-draft')).toMatchObject({
      title: 'Letters, the last edit',
      sources: 1,
      entities: 2,
      relations: 1,
    });
  });

  it('lists drafts most recent first, and deletes one', async () => {
    const older = { ...smallDraft('older'), updatedAt: '2025-01-01T00:00:00.000Z' };
    const newer = { ...smallDraft('newer'), updatedAt: '2026-06-01T00:00:00.000Z' };
    await page().evaluate(
      async ([a, b]) => {
        await window.threadline!.io.saveDraft(a!);
        await window.threadline!.io.saveDraft(b!);
      },
      [older, newer],
    );
    const keys = async () =>
      (await page().evaluate(() => window.threadline!.io.listDrafts()))
        .map((d) => d.key)
        .filter((k) => k === 'older' || k === 'newer');
    expect(await keys()).toEqual(['newer', 'older']);
    await page().evaluate(() => window.threadline!.io.deleteDraft('older'));
    expect(await keys()).toEqual(['newer']);
    expect(await page().evaluate(() => window.threadline!.io.loadDraft('older'))).toBeUndefined();
  });

  it('opens again, after a reload, the dataset opened with Open…', async () => {
    const res = await fetch(new URL('datasets/trump-putin.json', inject('baseUrl')));
    const bundle = (await res.json()) as { dataset: { id: string; title: string } };
    bundle.dataset = { ...bundle.dataset, id: 'kept-copy', title: 'A copy kept across reloads' };
    const linkBefore = await page().evaluate(() => window.location.hash);
    await page()
      .getByTestId('open-bundle-input')
      .setInputFiles({
        name: 'kept.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bundle)),
      });
    const title = () => page().evaluate(() => window.threadline!.getState().model!.dataset.title);
    await page().waitForFunction(
      () => window.threadline?.getState().model?.dataset.title === 'A copy kept across reloads',
    );
    // Left as a person would: once the address shows the new view and the file is kept.
    await page().waitForFunction((before) => window.location.hash !== before, linkBefore);
    await page().waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('threadline');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const got = await new Promise<unknown>((resolve) => {
        const r = db.transaction('opened').objectStore('opened').get('last');
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return (got as { name?: string } | undefined)?.name === 'kept.json';
    });
    await page().reload();
    await waitOpened(page());
    expect(await title()).toBe('A copy kept across reloads');
    const notices = await page().evaluate(() => window.threadline!.getState().notices.map((n) => n.text));
    expect(notices).toEqual([
      expect.stringMatching(/^Reopened “A copy kept across reloads” from kept\.json/),
    ]);
    await page().screenshot({ path: join(ARTIFACTS, 'drafts-kept-reopened.png') });

    // Naming a dataset in the address opens it instead; the kept file stays kept.
    await openApp(page(), inject('baseUrl'), '?dataset=trump-putin');
    expect(await title()).not.toBe('A copy kept across reloads');
  });
});
