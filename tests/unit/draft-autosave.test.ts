import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../../src/data/draft-autosave';
import type { Draft } from '../../src/model/authoring/draft';
import { smallDraft } from './draft-fixture';

/** The page's document and window, as far as the autosave listens to them. */
let page: { document: EventTarget & { visibilityState: string }; window: EventTarget };

beforeEach(() => {
  vi.useFakeTimers();
  page = {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    window: new EventTarget(),
  };
  vi.stubGlobal('document', page.document);
  vi.stubGlobal('window', page.window);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const edit = (n: number): Draft => ({ ...smallDraft('k'), updatedAt: `2026-01-01T00:00:0${n}.000Z` });

function recorder() {
  const saved: string[] = [];
  const journalled: string[] = [];
  return {
    saved,
    journalled,
    options: {
      delayMs: 300,
      save: async (d: Draft) => {
        saved.push(d.updatedAt);
      },
      journal: (d: Draft) => {
        journalled.push(d.updatedAt);
        return true;
      },
    },
  };
}

describe('saving as you go', () => {
  it('writes a burst of edits once, with the last edit, after the burst', async () => {
    const r = recorder();
    const autosave = createAutosave(r.options);
    autosave.schedule(edit(1));
    await vi.advanceTimersByTimeAsync(200);
    autosave.schedule(edit(2));
    await vi.advanceTimersByTimeAsync(200);
    autosave.schedule(edit(3));
    expect(r.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(r.saved).toEqual([edit(3).updatedAt]);
    expect(autosave.pending()).toBe(false);
  });

  it('writes at once when the page is hidden', async () => {
    const r = recorder();
    const autosave = createAutosave(r.options);
    autosave.schedule(edit(1));
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.saved).toEqual([edit(1).updatedAt]);
  });

  it('journals the pending edit synchronously as the page unloads, and nothing when all is saved', async () => {
    const r = recorder();
    const autosave = createAutosave(r.options);
    autosave.schedule(edit(1));
    await vi.advanceTimersByTimeAsync(300);
    page.window.dispatchEvent(new Event('pagehide'));
    expect(r.journalled).toEqual([]);
    autosave.schedule(edit(2));
    page.window.dispatchEvent(new Event('pagehide'));
    expect(r.journalled).toEqual([edit(2).updatedAt]);
  });

  it('asks before leaving when the journal refuses the draft, and writes it meanwhile', async () => {
    const r = recorder();
    const autosave = createAutosave({ ...r.options, journal: () => false });
    autosave.schedule(edit(1));
    const leaving = new Event('beforeunload', { cancelable: true });
    page.window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.saved).toEqual([edit(1).updatedAt]);
  });

  it('writes one at a time, in order, so an older draft never lands over a newer one', async () => {
    const order: string[] = [];
    let release: (() => void) | undefined;
    const autosave = createAutosave({
      delayMs: 10,
      journal: () => true,
      save: async (d) => {
        order.push(`start ${d.updatedAt}`);
        if (!release) await new Promise<void>((r) => (release = r));
        order.push(`end ${d.updatedAt}`);
      },
    });
    autosave.schedule(edit(1));
    await vi.advanceTimersByTimeAsync(10);
    autosave.schedule(edit(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([`start ${edit(1).updatedAt}`]);
    release!();
    await autosave.flush();
    expect(order).toEqual([
      `start ${edit(1).updatedAt}`,
      `end ${edit(1).updatedAt}`,
      `start ${edit(2).updatedAt}`,
      `end ${edit(2).updatedAt}`,
    ]);
  });

  it('stops listening to the page once disposed, after writing what waits', async () => {
    const r = recorder();
    const autosave = createAutosave(r.options);
    autosave.schedule(edit(1));
    await autosave.dispose();
    expect(r.saved).toEqual([edit(1).updatedAt]);
    page.window.dispatchEvent(new Event('pagehide'));
    expect(r.journalled).toEqual([]);
  });
});
