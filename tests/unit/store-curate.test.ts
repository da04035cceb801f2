import { beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { decodeView, encodeView } from '../../src/features/share/view-codec';
import { resolveView } from '../../src/features/share/resolve-view';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

/** Shaping the view by hand: marking several entities, acting on them, pins, an empty canvas. */
describe('curating the view', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().openDefault();
  });
  const three = () => [...s().view.visible].slice(0, 3);

  it('marks replace, add to and toggle the marked set; only shown entities can be marked', () => {
    const [a, b, c] = three();
    s().mark([a!]);
    s().mark([b!], 'add');
    expect([...s().marked].sort()).toEqual([a, b].sort());
    s().mark([a!, c!], 'toggle');
    expect([...s().marked].sort()).toEqual([b, c].sort());
    s().mark(['not-an-entity', 'vladimir-putin-nowhere']);
    expect(s().marked.size).toBe(0);
  });

  it('keep only leaves exactly the marked entities, as one step undo brings back', () => {
    const before = s().view.visible;
    const keep = three();
    s().mark(keep);
    s().keepOnly([...s().marked]);
    expect([...s().view.visible].sort()).toEqual([...keep].sort());
    s().undo();
    expect(s().view.visible).toBe(before);
  });

  it('keep only with nothing marked says what to do and changes nothing', () => {
    const before = s().view.visible;
    s().keepOnly([]);
    expect(s().view.visible).toBe(before);
    expect(s().notices.at(-1)?.text).toMatch(/Select some entities first/);
  });

  it('"all of a type" marks every shown entity of that type', () => {
    s().markAll({ type: 'person' });
    const persons = [...s().view.visible].filter((id) => model.entities.get(id)!.type === 'person');
    expect([...s().marked].sort()).toEqual(persons.sort());
    expect(persons.length).toBeGreaterThan(1);
  });

  it('expand and collapse act on every marked entity in one step', () => {
    s().clearView();
    s().addEntities(['eric-trump', 'vladimir-putin']);
    const before = s().view.visible.size;
    s().expandAll(['eric-trump', 'vladimir-putin']);
    const after = s().view.visible.size;
    expect(after).toBeGreaterThan(before);
    s().collapseAll(['eric-trump', 'vladimir-putin']);
    expect(s().view.visible.size).toBeLessThan(after);
    s().undo();
    expect(s().view.visible.size).toBe(after);
  });

  it('a re-layout keeps pinned entities where they were and forgets the rest', () => {
    const [a, b] = three();
    s().recordPositions(new Map([[a!, { x: 1234, y: -567 }]]));
    s().pin([a!]);
    s().relayout();
    expect(s().positions.get(a!)).toEqual({ x: 1234, y: -567 });
    expect(s().positions.has(b!)).toBe(false);
    s().unpin([a!]);
    s().relayout();
    expect(s().positions.has(a!)).toBe(false);
  });

  it('pinning is undoable', () => {
    const [a] = three();
    s().pin([a!]);
    expect(s().pinned.has(a!)).toBe(true);
    s().undo();
    expect(s().pinned.has(a!)).toBe(false);
  });

  it('Clear empties the canvas, undoably, to build entity by entity', () => {
    const before = s().view.visible;
    s().clearView();
    expect(s().view.visible.size).toBe(0);
    s().addEntities(['eric-trump']);
    expect([...s().view.visible]).toEqual(['eric-trump']);
    s().undo();
    s().undo();
    expect(s().view.visible).toBe(before);
  });

  it('pins travel in a share link and come back; an out-of-range pin index is ignored', () => {
    const [a] = three();
    s().pin([a!]);
    const fragment = encodeView(
      model.dataset.id,
      { ...s().view, positions: s().positions },
      null,
      s().filters,
      undefined,
      s().pinned,
    );
    const decoded = decodeView(fragment)!;
    expect([...resolveView(decoded, model)!.pinned]).toEqual([a]);
    const tampered = decodeView(fragment.replace(/pn=\d+/, 'pn=99999,abc'))!;
    expect(resolveView(tampered, model)!.pinned.size).toBe(0);
  });
});
