import { beforeEach, describe, expect, it } from 'vitest';
import { bindAnalysis } from '../../src/app/bind-analysis';
import { communities } from '../../src/model/analysis/communities';
import { buildModel } from '../../src/model/core/model-builder';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { toGEXF } from '../../src/model/export/gexf';
import { toGraphML } from '../../src/model/export/graphml';
import { legendOf } from '../../src/model/export/legend';
import { buildEntitySearch } from '../../src/model/search/search';
import {
  communityColour,
  communityColouring,
  OTHER_COMMUNITY_COLOUR,
} from '../../src/model/style/community-palette';
import { selectCommunityLegend, selectExportLooks, selectSubgraph } from '../../src/store/selectors';
import { createThreadlineStore, type ThreadlineStore } from '../../src/store/store';
import { articleBundle } from './fixtures';

const bundle = articleBundle();
const model = buildModel(bundle);
const search = buildEntitySearch(bundle.entities);
const colouring = communityColouring(model, communities(model));

describe('community colours and names', () => {
  it('name each coloured community after its most connected members', () => {
    const first = colouring.palette[0]!;
    expect(first.colour).toBe(communityColour(0));
    expect(first.label).toMatch(/^Community 1 \([^,]+, …\)$/);
    // The most connected entity of the article leads the community it belongs to.
    const trump = colouring.of.get('donald-trump')!;
    expect(colouring.palette.find((c) => c.index === trump)?.label).toContain('(Donald Trump, ');
  });
});

describe('analysis results in the store', () => {
  let store: ThreadlineStore;
  const s = () => store.getState();
  beforeEach(() => {
    store = createThreadlineStore();
    s().setModel(model, search);
    s().openDefault();
  });

  it('are asked for by the display options and arrive in the store (the controller)', async () => {
    const stop = bindAnalysis(store);
    expect(s().analysis.communities).toBeNull();
    s().setDisplay({ colour: 'community', nodeSize: 'pagerank' });
    await expect.poll(() => s().analysis.communities).not.toBeNull();
    await expect.poll(() => s().analysis.importance?.measure).toBe('pagerank');
    expect(s().analysis.communities!.of.get('donald-trump')).toBe(colouring.of.get('donald-trump'));
    // Not asked for any more: gone at once, so nothing keeps painting with it.
    s().setDisplay({ colour: 'type', nodeSize: 'uniform' });
    expect(s().analysis).toEqual({ communities: null, importance: null });
    stop();
  });

  it('drive the legend: one row per community drawn, in the colour the canvas paints it', () => {
    s().setAnalysis({ communities: colouring });
    // Results alone do not colour anything; the display says when they are used.
    expect(selectCommunityLegend(s())).toEqual([]);
    s().setDisplay({ colour: 'community' });
    const rows = selectCommunityLegend(s());
    const drawn = selectSubgraph(s()).entityIds;
    const expected = new Set(drawn.map((id) => communityColour(colouring.of.get(id)!)));
    expect(new Set(rows.map((r) => r.colour))).toEqual(expected);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(drawn.length);
    expect(rows.every((r) => r.label.startsWith('Community ') || r.colour === OTHER_COMMUNITY_COLOUR)).toBe(
      true,
    );
  });

  it('drive the exports: nodes in their community colours, and the image legend lists the same rows', () => {
    s().setAnalysis({ communities: colouring });
    s().setDisplay({ colour: 'community' });
    const graph = buildExportGraph(model, selectSubgraph(s()), selectExportLooks(s()));
    for (const n of graph.nodes) expect(n.color).toBe(communityColour(colouring.of.get(n.id)!));
    const legendRows = legendOf(graph).filter((e) => e.kind === 'community');
    expect(legendRows.map((e) => [e.label, e.color])).toEqual(
      selectCommunityLegend(s()).map((r) => [r.label, r.colour]),
    );
  });

  it('drive the data exports: GraphML and GEXF fill and size nodes as the canvas does', () => {
    s().setAnalysis({
      communities: colouring,
      importance: { measure: 'degree', scores: new Map([['donald-trump', 1]]) },
    });
    s().setDisplay({ colour: 'community', nodeSize: 'degree' });
    const graph = buildExportGraph(model, selectSubgraph(s()), selectExportLooks(s()));
    const trump = graph.nodes.find((n) => n.id === 'donald-trump')!;
    expect(trump.size).toBe(66);
    const fill = communityColour(colouring.of.get('donald-trump')!).toUpperCase();
    expect(toGraphML(graph)).toMatch(
      new RegExp(`<node id="donald-trump">[\\s\\S]*?width="66" height="66"/><y:Fill color="${fill}"`),
    );
    const gexf = toGEXF(graph);
    const at = gexf.indexOf('<node id="donald-trump"');
    const node = gexf.slice(at, gexf.indexOf('</node>', at));
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(fill.slice(i, i + 2), 16));
    expect(node).toContain(`<viz:color r="${r}" g="${g}" b="${b}"`);
    expect(node).toMatch(/<viz:size value="19\.4\d*"/);
  });
});
