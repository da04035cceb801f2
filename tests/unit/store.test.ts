import { beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { buildEntitySearch } from '../../src/model/search/search';
import { NO_FILTERS } from '../../src/model/core/filters';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { selectDrawing, selectSubgraph } from '../../src/store/selectors';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);

/** The store and its actions, with no DOM: what the explorer shows after each user step. */
describe('explorer store', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
  });

  it('opens on the most connected entities, 20 to 30 of them', () => {
    s().showDefault();
    expect(s().view.visible.size).toBeGreaterThanOrEqual(20);
    expect(s().view.visible.size).toBeLessThanOrEqual(30);
    expect(s().view.visible.has('donald-trump')).toBe(true);
    expect(selectSubgraph(s()).relations.length).toBeGreaterThan(0);
  });

  it('the view it opens on is not a step: undo right after does nothing and says so', () => {
    s().openDefault();
    const opened = s().view;
    s().undo();
    expect(s().view).toBe(opened);
    expect(s().view.visible.size).toBeGreaterThanOrEqual(20);
    expect(s().notices.map((n) => n.text)).toContain('Nothing to undo.');
    // A step after it still goes back to it, not to the empty canvas before it.
    s().hide(['donald-trump']);
    s().undo();
    expect(s().view).toBe(opened);
    s().undo();
    expect(s().view).toBe(opened);
  });

  it('a view restored on opening (a link, a saved view) is not a step either; Reset view is', () => {
    const visible = new Set(['eric-trump', 'russia']);
    const positions = new Map([
      ['eric-trump', { x: 0, y: 0 }],
      ['russia', { x: 200, y: 0 }],
    ]);
    s().restoreView({ visible, addedBy: new Map(), positions }, null, NO_FILTERS, { opening: true });
    const restored = s().view;
    s().undo();
    expect(s().view).toBe(restored);
    s().showDefault();
    expect(s().view).not.toBe(restored);
    s().undo();
    expect(s().view).toBe(restored);
  });

  it('adds a searched entity, selects it, and undo takes it away again', () => {
    s().addEntities(['eric-trump'], { select: true });
    expect([...s().view.visible]).toEqual(['eric-trump']);
    expect(s().selection).toEqual({ kind: 'entity', id: 'eric-trump' });
    s().undo();
    expect(s().view.visible.size).toBe(0);
    s().redo();
    expect(s().view.visible.has('eric-trump')).toBe(true);
  });

  it('expands around a placed node without moving the nodes already placed', () => {
    s().addEntities(['eric-trump']);
    s().recordPositions(new Map([['eric-trump', { x: 100, y: 50 }]]));
    s().expand('eric-trump');
    const added = [...s().view.visible].filter((id) => id !== 'eric-trump');
    expect(added).toContain('russia');
    expect(s().positions.get('eric-trump')).toEqual({ x: 100, y: 50 });
    for (const id of added) {
      const p = s().positions.get(id)!;
      expect(Math.hypot(p.x - 100, p.y - 50)).toBeGreaterThan(50);
      expect(s().view.addedBy.get(id)).toBe('eric-trump');
    }
  });

  it('names the positions a step chose by itself, so the canvas can move them off drawn nodes', () => {
    s().addEntities(['eric-trump']);
    s().recordPositions(new Map([['eric-trump', { x: 100, y: 50 }]]));
    s().expand('eric-trump');
    const added = [...s().view.visible].filter((id) => id !== 'eric-trump');
    expect([...s().guessedPositions].sort()).toEqual(added.sort());
    // Positions that come with a view, or back with undo, are not guesses.
    const expanded = { ...s().view, positions: s().positions };
    s().undo();
    expect(s().guessedPositions.size).toBe(0);
    s().restoreView(expanded, null, NO_FILTERS);
    expect(s().guessedPositions.size).toBe(0);
  });

  it('expands one relation type only', () => {
    s().addEntities(['donald-trump']);
    s().expand('donald-trump', { relationType: 'praised' });
    const others = [...s().view.visible].filter((id) => id !== 'donald-trump');
    expect(others.length).toBeGreaterThan(0);
    for (const id of others)
      expect(
        [...model.relations.values()].some((r) => r.type === 'praised' && [r.source, r.target].includes(id)),
      ).toBe(true);
  });

  it('collapse removes what an expansion added unless something else holds on to it', () => {
    s().addEntities(['eric-trump', 'donald-trump']);
    s().expand('eric-trump');
    const added = [...s().view.visible].filter((id) => id !== 'eric-trump' && id !== 'donald-trump');
    const tiedToDonald = (id: string) =>
      [...model.relations.values()].some(
        (r) => [r.source, r.target].includes(id) && [r.source, r.target].includes('donald-trump'),
      );
    const held = added.filter(tiedToDonald);
    const freed = added.filter((id) => !tiedToDonald(id));
    // Both outcomes must be present, or the checks below could pass with collapse doing nothing.
    expect(held).toContain('russia');
    expect(freed.length).toBeGreaterThan(0);
    s().collapse('eric-trump');
    expect([...s().view.visible].sort()).toEqual(['donald-trump', 'eric-trump', ...held].sort());
    for (const id of freed) expect(s().positions.has(id)).toBe(false);
    s().undo();
    for (const id of added) expect(s().view.visible.has(id)).toBe(true);
  });

  it('hides a node and clears a selection that went with it', () => {
    s().addEntities(['eric-trump'], { select: true });
    s().hide(['eric-trump']);
    expect(s().view.visible.has('eric-trump')).toBe(false);
    expect(s().selection).toBeNull();
  });

  it('selecting a relation adds both its ends', () => {
    const relation = [...model.relations.values()].find((r) => r.source === 'eric-trump')!;
    s().selectRelation(relation.id);
    expect(s().view.visible.has(relation.source)).toBe(true);
    expect(s().view.visible.has(relation.target)).toBe(true);
    expect(s().selection).toEqual({ kind: 'relation', id: relation.id });
  });

  it('selects the relations between a pair, adding both ends, and hiding an end clears it', () => {
    s().selectPair('vladimir-putin', 'donald-trump');
    expect(s().selection).toEqual({ kind: 'pair', id: 'donald-trump~vladimir-putin' });
    expect(s().view.visible.has('donald-trump') && s().view.visible.has('vladimir-putin')).toBe(true);
    // The dataset's eighteen relations between them (seventeen from the article, one from the report) are drawn as one edge standing for all of them.
    const group = selectDrawing(s()).bundles.find((g) => g.pair === 'donald-trump~vladimir-putin');
    expect(group?.relations).toHaveLength(18);
    s().setDisplay({ parallel: 'separate' });
    expect(selectDrawing(s()).bundles).toEqual([]);
    s().hide(['vladimir-putin']);
    expect(s().selection).toBeNull();
  });

  it('reports unknown ids in a notice instead of failing', () => {
    s().selectEntity('nobody-<script>');
    s().selectRelation('no-such-relation');
    expect(s().notices.map((n) => n.text)).toEqual([
      'No entity with id "nobody-<script>" in this dataset.',
      'No relation with id "no-such-relation" in this dataset.',
    ]);
    expect(s().view.visible.size).toBe(0);
  });

  it('filters take elements out of the drawn subgraph', () => {
    s().showDefault();
    const before = selectSubgraph(s()).relations.length;
    s().setFilters({ ...NO_FILTERS, hiddenStatuses: new Set(['opinion']) });
    const after = selectSubgraph(s()).relations;
    expect(after.length).toBeLessThan(before);
    expect(after.some((r) => r.status === 'opinion')).toBe(false);
  });

  it('asks before flooding the view from a hub', () => {
    // A synthetic hub: 60 people all related to one organisation.
    const people = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      type: 'person' as const,
      name: `Person ${i}`,
      description: 'x',
    }));
    const hub = buildModel({
      ...bundle,
      entities: [...people, { id: 'hub', type: 'organization', name: 'Hub', description: 'x' }],
      relationTypes: [
        {
          id: 'works_for',
          label: 'works for',
          inverseLabel: 'employs',
          directed: true,
          domain: ['person'],
          range: ['organization'],
        },
      ],
      quotes: [bundle.quotes[0]!],
      relations: people.map((p) => ({
        id: `r-${p.id}`,
        source: p.id,
        target: 'hub',
        type: 'works_for',
        status: 'fact' as const,
        evidence: [bundle.quotes[0]!.id],
      })),
    });
    s().setModel(hub, buildEntitySearch(hub.data.entities));
    s().addEntities(['hub']);
    s().expand('hub');
    expect(s().hubPrompt).toEqual({ entityId: 'hub', candidates: 60 });
    expect(s().view.visible.size).toBe(1);
    s().expand('hub', { limit: 10 });
    expect(s().view.visible.size).toBe(11);
    expect(s().hubPrompt).toBeNull();
  });
});
