import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { drawnFrom } from '../../src/store/selectors';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { watch } from '../../src/store/watch';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

describe('watch', () => {
  it('calls back when its slice changes, with the new and the old value, and not otherwise', () => {
    const store = createStore<{ a: number; b: number }>()(() => ({ a: 1, b: 1 }));
    const seen: Array<[number, number]> = [];
    const stop = watch(
      store,
      (s) => s.a,
      (next, prev) => seen.push([next, prev]),
    );
    store.setState({ b: 2 });
    store.setState({ a: 1 });
    store.setState({ a: 3 });
    expect(seen).toEqual([[3, 1]]);
    stop();
    store.setState({ a: 4 });
    expect(seen).toEqual([[3, 1]]);
  });

  it('compares a list of fields item by item, so a fresh list of the same fields is no change', () => {
    const store = createStore<{ a: object; b: number; c: number }>()(() => ({ a: {}, b: 1, c: 1 }));
    let calls = 0;
    watch(
      store,
      (s) => [s.a, s.b],
      () => calls++,
    );
    store.setState({ c: 2 });
    expect(calls).toBe(0);
    store.setState({ a: {} });
    expect(calls).toBe(1);
  });
});

/** What the canvas controllers watch: a drag must not redraw elements, selection or paths. */
describe('the canvas watchers', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  let drawn: number;
  let moved: number;
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().addEntities(['eric-trump']);
    drawn = 0;
    moved = 0;
    watch(store, drawnFrom, () => drawn++);
    watch(
      store,
      (st) => st.positions,
      () => moved++,
    );
  });

  it('a recorded drag moves nodes and draws nothing new', () => {
    s().recordPositions(new Map([['eric-trump', { x: 10, y: 20 }]]));
    expect(moved).toBe(1);
    expect(drawn).toBe(0);
  });

  it('showing more, filtering and bundling redraw', () => {
    s().expand('eric-trump');
    expect(drawn).toBe(1);
    s().setFilters({ ...s().filters, hiddenStatuses: new Set(['opinion'] as const) });
    expect(drawn).toBe(2);
    s().setDisplay({ parallel: 'separate' });
    expect(drawn).toBe(3);
    // Display options that do not change the elements do not redraw them.
    s().setDisplay({ colour: 'community' });
    expect(drawn).toBe(3);
  });
});
