import { beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

/** A drag moves nodes and shows nothing new: what depends on what is shown must not see a change. */
describe('positions in the store', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().addEntities(['eric-trump', 'donald-trump']);
  });

  it('a recorded drag leaves what is shown (and its identity) as it was', () => {
    const shown = s().view;
    const visible = s().view.visible;
    s().recordPositions(new Map([['eric-trump', { x: 5, y: 6 }]]));
    expect(s().view).toBe(shown);
    expect(s().view.visible).toBe(visible);
  });

  it('undo brings back where things were along with what was shown', () => {
    s().recordPositions(
      new Map([
        ['eric-trump', { x: 0, y: 0 }],
        ['donald-trump', { x: 300, y: 0 }],
      ]),
    );
    s().expand('eric-trump');
    const expanded = s().view.visible;
    s().recordPositions(new Map([['donald-trump', { x: -400, y: 90 }]]));
    s().undo();
    expect([...s().view.visible].sort()).toEqual(['donald-trump', 'eric-trump']);
    expect(positionOf('donald-trump')).toEqual({ x: 300, y: 0 });
    s().redo();
    expect(s().view.visible).toBe(expanded);
    // Redo comes back to the view as it was left, the drag after the step included.
    expect(positionOf('donald-trump')).toEqual({ x: -400, y: 90 });
    expect(positionOf('eric-trump')).toEqual({ x: 0, y: 0 });
  });

  const positionOf = (id: string) => s().positions.get(id);
});
