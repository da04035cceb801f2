import cytoscape, { type Core, type EdgeSingular } from 'cytoscape';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/core/model-builder';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { buildEntitySearch } from '../../src/model/search/search';
import { ENTITY_LOOKS, STATUS_LOOKS } from '../../src/model/style/entity-style';
import { toElements } from '../../src/graph-view/elements';
import { exportElements, withCitationNumbers } from '../../src/graph-view/export-look';
import { AWAITING_LAYOUT } from '../../src/graph-view/layout';
import { sceneFromCy } from '../../src/graph-view/scene-from-cy';
import { stylesheet } from '../../src/graph-view/stylesheet';
import { selectDrawing, selectSubgraph } from '../../src/store/selectors';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);

/** Cytoscape reads colours back as "rgb(r,g,b)". */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(',')})`;

/** Straight from centre to centre: a headless Cytoscape has no renderer to ask for an edge's course. */
const straight = (e: EdgeSingular) => [{ ...e.source().position() }, { ...e.target().position() }];

/** What an image export draws, built in Node: the store's view on a headless Cytoscape in the export look. */
describe('the export look of the drawing', () => {
  let store: ThreadlineStore;
  let live: Core;
  let numbers: Map<string, number>;
  /** An entity on screen whose layout has not answered yet. */
  let unplaced: string;

  beforeAll(() => {
    store = createThreadlineStore();
    store.getState().setModel(model, buildEntitySearch(bundle.entities));
    store.getState().showDefault();
    const s = store.getState();
    const { entityIds: ids, relations } = selectSubgraph(s);
    // The last entity of the view that some drawn relation touches, so that its edges wait with it.
    const touched = new Set(relations.flatMap((r) => [r.source, r.target]));
    unplaced = ids.filter((id) => touched.has(id)).at(-1)!;
    s.recordPositions(
      new Map(
        ids
          .filter((id) => id !== unplaced)
          .map((id, i) => [id, { x: 80 * (i % 6), y: 90 * Math.floor(i / 6) }]),
      ),
    );
    s.selectEntity('donald-trump');
    // Sizes by importance are store data (the analysis results), which the export reads as the canvas does.
    s.setDisplay({ nodeSize: 'degree' });
    s.setAnalysis({ importance: { measure: 'degree', scores: new Map([['donald-trump', 0.75]]) } });
    const state = store.getState();
    numbers = new Map(buildExportGraph(model, selectSubgraph(state)).edges.map((e) => [e.id, e.number]));
    // The canvas on screen, as the controllers leave it: the selection and its fading.
    live = cytoscape({
      headless: true,
      elements: toElements(model, selectSubgraph(state), selectDrawing(state), false),
    });
    live.elements().addClass('is-faded');
    live.$id('donald-trump').removeClass('is-faded').addClass('is-selected');
  });

  it('labels every numbered relation "[n] label", a bundled pair with its members\' numbers, and leaves the input alone', () => {
    const s = store.getState();
    const base = toElements(model, selectSubgraph(s), selectDrawing(s), false);
    const before = JSON.stringify(base);
    const out = withCitationNumbers(base, numbers);
    expect(JSON.stringify(base)).toBe(before);
    const edges = out.filter((e) => e.group === 'edges');
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      const own = base.find((b) => b.data.id === e.data.id)!;
      if (e.data.kind === 'bundle') {
        const members = (e.data.relationIds as string[]).map((id) => numbers.get(id)!).sort((a, b) => a - b);
        expect(e.data.label).toBe(`[${members[0]}–${members[members.length - 1]}] ${own.data.label}`);
      } else expect(e.data.label).toBe(`[${numbers.get(e.data.id!)}] ${own.data.label}`);
    }
    expect(edges.some((e) => e.data.kind === 'bundle')).toBe(true);
    expect(out.filter((e) => e.group === 'nodes')).toEqual(base.filter((e) => e.group === 'nodes'));
  });

  it('puts entities where the store has them, keeps the emphasis and sizes but not the fading, hides what awaits a layout', () => {
    const s = store.getState();
    const out = exportElements(live, s, numbers);
    const trump = out.find((e) => e.data.id === 'donald-trump')!;
    expect(trump.position).toEqual(s.positions.get('donald-trump'));
    expect(trump.classes).toEqual(['is-selected']);
    expect(trump.data.importance).toBe(0.75);
    expect(out.some((e) => (e.classes as string[]).includes('is-faded'))).toBe(false);
    const waiting = out
      .filter((e) => (e.classes as string[]).includes(AWAITING_LAYOUT))
      .map((e) => e.data.id);
    const touching = out.filter((e) => e.data.source === unplaced || e.data.target === unplaced);
    expect(touching.length).toBeGreaterThan(0);
    expect(new Set(waiting)).toEqual(new Set([unplaced, ...touching.map((e) => e.data.id)]));
  });

  it("draws into a scene with numbered labels, the vocabulary's colours and nothing that awaits a layout", () => {
    const s = store.getState();
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: stylesheet(),
      elements: exportElements(live, s, numbers),
      layout: { name: 'preset' },
    });
    const scene = sceneFromCy(cy, { x1: 0, y1: 0, x2: 1, y2: 1 }, straight);
    expect(scene.nodes.map((n) => n.id)).not.toContain(unplaced);
    expect(scene.edges.some((e) => e.source === unplaced || e.target === unplaced)).toBe(false);
    expect(scene.nodes.length).toBe(selectSubgraph(s).entityIds.length - 1);
    const trump = scene.nodes.find((n) => n.id === 'donald-trump')!;
    expect(trump).toMatchObject({
      fill: rgb(ENTITY_LOOKS.person.color),
      icon: ENTITY_LOOKS.person.icon,
      strokeWidth: 4,
    });
    expect(trump).toMatchObject(s.positions.get('donald-trump')!);
    for (const e of scene.edges) {
      expect(e.label).toMatch(/^\[\d+(–\d+)?(, \d+(–\d+)?)*\] /);
      if (e.kind !== 'relation') continue;
      const look = STATUS_LOOKS[e.status as keyof typeof STATUS_LOOKS];
      expect(e.color).toBe(rgb(look.color));
      expect(e.dash !== undefined).toBe(look.line !== 'solid');
    }
    cy.destroy();
  });
});
