import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

/** Notices as the user meets them: repeats do not pile up, information fades, errors wait for the user. */
describe('notices', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  const shown = () => s().notices.map((n) => `${n.kind}: ${n.text}${n.count > 1 ? ` ×${n.count}` : ''}`);
  beforeEach(() => {
    vi.useFakeTimers();
    store = createThreadlineStore();
    s().setModel(model, search);
  });
  afterEach(() => vi.useRealTimers());

  it('counts a repeated notice instead of stacking copies of it', () => {
    s().selectEntity('nobody');
    s().selectEntity('nobody');
    s().selectEntity('nobody');
    expect(s().notices).toHaveLength(1);
    expect(s().notices[0]!.count).toBe(3);
  });

  it('lets information fade on its own, but keeps a warning or an error until dismissed', () => {
    s().notify('info', 'Opened the file.');
    s().notify('warning', 'Part of the link could not be restored.');
    s().notify('error', 'The export failed.');
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual([
      'warning: Part of the link could not be restored.',
      'error: The export failed.',
    ]);
    s().dismissNotice(s().notices[1]!.id);
    expect(shown()).toEqual(['warning: Part of the link could not be restored.']);
  });

  it('keeps a repeated piece of information for its full time from the last repeat', () => {
    s().notify('info', 'Copied.');
    vi.advanceTimersByTime(6_000);
    s().notify('info', 'Copied.');
    vi.advanceTimersByTime(6_000);
    expect(shown()).toEqual(['info: Copied. ×2']);
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual([]);
  });

  it('shows a few at most, and an error is not pushed out by later information', () => {
    s().notify('error', 'The evidence could not be loaded.');
    for (let i = 1; i <= 6; i++) s().notify('info', `Step ${i}.`);
    expect(s().notices.length).toBeLessThanOrEqual(4);
    expect(shown()).toContain('error: The evidence could not be loaded.');
    expect(shown().at(-1)).toBe('info: Step 6.');
  });

  it('keeps information while the reader is on it, and lets it fade a lifetime after they leave', () => {
    s().notify('info', 'Copied the path.');
    s().holdNotices(true);
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['info: Copied the path.']);
    s().holdNotices(false);
    vi.advanceTimersByTime(2_000);
    expect(shown()).toEqual(['info: Copied the path.']);
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual([]);
  });
});
