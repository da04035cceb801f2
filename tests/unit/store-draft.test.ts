import { beforeEach, describe, expect, it } from 'vitest';
import {
  addEntity,
  addRelationType,
  addSource,
  cite,
  deleteEntity,
} from '../../src/model/authoring/draft-ops';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { selectSubgraph } from '../../src/store/selectors';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);
const TEXT = 'Anna Berg met Carl Dahl in Oslo. “It never happened,” Dahl said.';

/** Authoring through the store: the draft, the graph compiled from it and one history for both. */
describe('authoring in the store', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().openDefault();
  });

  /** An empty dataset with a source, two people and a relation type, each its own step. */
  function authorBasics() {
    s().startDraft();
    s().editDraft((d) => addSource(d, { title: 'Notes', text: TEXT }));
    s().editDraft((d) => addEntity(d, { name: 'Anna Berg', type: 'person' }));
    s().editDraft((d) => addEntity(d, { name: 'Carl Dahl', type: 'person' }));
    s().editDraft((d) =>
      addRelationType(d, {
        label: 'paid',
        inverseLabel: 'was paid by',
        directed: true,
        domain: ['person'],
        range: ['person'],
      }),
    );
  }

  it('starts an empty dataset over the open one, and undo brings the open one back', () => {
    s().startDraft();
    expect(s().draft?.entities).toEqual([]);
    expect(s().model?.entities.size).toBe(0);
    expect(s().sidePanel).toBe('build');
    s().undo();
    expect(s().draft).toBeNull();
    expect(s().model).toBe(model);
    expect(s().view.visible.has('donald-trump')).toBe(true);
  });

  it('draws each accepted entity and each relation as it is authored', () => {
    authorBasics();
    expect([...s().view.visible].sort()).toEqual(['anna-berg', 'carl-dahl']);
    const r = s().editDraft((d) =>
      cite(
        d,
        { source: 'carl-dahl', target: 'anna-berg', type: 'paid', status: 'denial' },
        { source: 'notes', exact: 'It never happened', speaker: 'carl-dahl' },
      ),
    );
    expect(r.ok).toBe(true);
    expect(selectSubgraph(s()).relations.map((x) => x.id)).toEqual(['carl-dahl-paid-anna-berg']);
    expect(s().model?.quotes.get('notes-q1')?.speaker).toBe('carl-dahl');
  });

  it('undoes and redoes authoring steps in order, through the same history as exploring', () => {
    authorBasics();
    s().selectEntity('anna-berg');
    s().editDraft((d) => deleteEntity(d, 'anna-berg'));
    expect(s().model?.entities.has('anna-berg')).toBe(false);
    expect(s().selection).toBeNull();
    s().undo();
    expect(s().draft?.entities.map((e) => e.id)).toEqual(['anna-berg', 'carl-dahl']);
    expect(s().model?.entities.has('anna-berg')).toBe(true);
    expect(s().selection).toEqual({ kind: 'entity', id: 'anna-berg' });
    s().redo();
    expect(s().draft?.entities.map((e) => e.id)).toEqual(['carl-dahl']);
    expect(s().view.visible.has('anna-berg')).toBe(false);
  });

  it('a refused edit changes nothing and is no step', () => {
    authorBasics();
    const before = s().draft;
    const steps = s().past.length;
    const r = s().editDraft((d) =>
      cite(
        d,
        { source: 'carl-dahl', target: 'anna-berg', type: 'paid', status: 'fact' },
        { source: 'notes', exact: '"It never happened," Dahl said.' },
      ),
    );
    expect(r).toMatchObject({ ok: false });
    expect(s().draft).toBe(before);
    expect(s().past.length).toBe(steps);
  });

  it('turns the open article into a draft without redrawing it', () => {
    expect(s().editOpenDataset()).toEqual({ ok: true });
    expect(s().draft?.relations.length).toBe(bundle.relations.length);
    expect(s().model).toBe(model);
    s().editDraft((d) => deleteEntity(d, 'eric-trump'));
    expect(s().model?.entities.has('eric-trump')).toBe(false);
    expect(s().view.visible.has('donald-trump')).toBe(true);
    s().undo();
    expect(s().model?.entities.has('eric-trump')).toBe(true);
  });
});
