import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { toElements } from '../../src/graph-view/elements';
import { NO_FILTERS } from '../../src/model/core/filters';
import { evidenceKey, quoteKey } from '../../src/model/core/graphology-model';
import { buildModel } from '../../src/model/core/model-builder';
import { BUNDLE_AT, drawRelations } from '../../src/model/core/parallel-relations';
import { subgraphOf } from '../../src/model/core/subgraph';
import { articleBundle } from './fixtures';

const model = buildModel(articleBundle());
const relations = [...model.relations.values()];

/** What the canvas is given for these visible entities, drawn as the explorer draws them. */
function drawn(
  visible: string[],
  options: { bundle?: boolean; quotes?: boolean; more?: Map<string, number> } = {},
) {
  const subgraph = subgraphOf(model, visible, NO_FILTERS);
  const drawing = drawRelations(subgraph.relations, options.bundle ?? true);
  const elements = toElements(model, subgraph, drawing, options.quotes ?? false, options.more);
  const byId = new Map(elements.map((e) => [e.data.id!, e]));
  return { subgraph, elements, byId, of: (kind: string) => elements.filter((e) => e.data.kind === kind) };
}

const between = (a: string, b: string) =>
  relations.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));

/** Every edge joins two nodes that are drawn: Cytoscape refuses an edge with a missing end. */
function expectNoLooseEnds(elements: ElementDefinition[]) {
  const nodes = new Set(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id));
  for (const e of elements.filter((el) => el.group === 'edges')) {
    expect(nodes.has(e.data.source)).toBe(true);
    expect(nodes.has(e.data.target)).toBe(true);
  }
  expect(new Set(elements.map((e) => e.data.id)).size).toBe(elements.length);
}

describe('what the canvas draws for the store’s view', () => {
  it('draws each visible entity as a node of its type, named, and says how many neighbours are still hidden', () => {
    const { of, byId } = drawn(['eric-trump', 'russia'], { more: new Map([['eric-trump', 3]]) });
    expect(of('entity').map((e) => e.data.id)).toEqual(['eric-trump', 'russia']);
    expect(byId.get('russia')!.data).toMatchObject({ type: 'country', label: 'Russia' });
    expect(byId.get('eric-trump')!.data).toMatchObject({ type: 'person', label: 'Eric Trump\n+3 more' });
  });

  it('draws a relation as an edge carrying its type and status, its label saying when it is not a fact', () => {
    const { of } = drawn(['donald-trump-jr', 'russia']);
    const edges = of('relation');
    expect(edges.map((e) => e.data.id).sort()).toEqual(
      between('donald-trump-jr', 'russia')
        .map((r) => r.id)
        .sort(),
    );
    for (const e of edges) {
      const r = model.relations.get(e.data.id!)!;
      expect(e.data).toMatchObject({ source: r.source, target: r.target, type: r.type, status: r.status });
      if (r.status !== 'fact') expect(e.data.label).toMatch(/\((reported|claimed|alleged|denied|opinion)\)$/);
    }
    // Donald Jr.'s claim of money flowing from Russia is drawn as a claim, in words too.
    expect(edges.some((e) => e.data.status === 'claim' && /\(claimed\)$/.test(String(e.data.label)))).toBe(
      true,
    );
  });

  it('labels a denied relation as denied', () => {
    const denial = relations.find((r) => r.status === 'denial')!;
    const { byId } = drawn([denial.source, denial.target], { bundle: false });
    expect(byId.get(denial.id)!.data.label).toMatch(/\(denied\)$/);
  });

  it(`draws ${BUNDLE_AT} or more relations between one pair as one edge standing for all of them`, () => {
    const pair = between('donald-trump', 'vladimir-putin');
    expect(pair.length).toBeGreaterThanOrEqual(BUNDLE_AT);
    const bundled = drawn(['donald-trump', 'vladimir-putin']);
    expect(bundled.of('relation')).toEqual([]);
    const [edge, ...rest] = bundled.of('bundle');
    expect(rest).toEqual([]);
    expect(edge!.data).toMatchObject({
      id: 'pair:donald-trump~vladimir-putin',
      source: 'donald-trump',
      target: 'vladimir-putin',
      count: pair.length,
      label: `${pair.length} relations`,
    });
    expect([...(edge!.data.relationIds as string[])].sort()).toEqual(pair.map((r) => r.id).sort());
    // Drawn apart, each is an edge of its own again.
    const apart = drawn(['donald-trump', 'vladimir-putin'], { bundle: false });
    expect(apart.of('bundle')).toEqual([]);
    expect(apart.of('relation')).toHaveLength(pair.length);
  });

  it('adds nothing for quotes unless quotes are shown', () => {
    const { of } = drawn(['eric-trump', 'russia']);
    expect(of('quote')).toEqual([]);
    expect(of('evidence')).toEqual([]);
  });

  it('shows each quote once, as a node joined to the entities of every relation it backs', () => {
    const visible = ['donald-trump', 'vladimir-putin', 'eric-trump', 'russia'];
    const { subgraph, elements, of, byId } = drawn(visible, { quotes: true });
    const cited = new Set(subgraph.relations.flatMap((r) => r.evidence));
    expect(
      of('quote')
        .map((q) => q.data.quoteId)
        .sort(),
    ).toEqual([...cited].sort());
    for (const q of of('quote')) {
      const text = model.quotes.get(q.data.quoteId as string)!.exact;
      const label = String(q.data.label);
      expect(label.startsWith('“') && label.endsWith('”')).toBe(true);
      // Long quotes are clipped for the canvas; the inspector has the whole text.
      if (text.length > 40) expect(label).toBe(`“${text.slice(0, 39)}…”`);
      else expect(label).toBe(`“${text}”`);
    }
    for (const r of subgraph.relations)
      for (const qid of r.evidence)
        for (const end of [r.source, r.target])
          expect(byId.get(evidenceKey(r.id, qid, end))!.data).toMatchObject({
            source: quoteKey(qid),
            target: end,
            relationId: r.id,
          });
    // Bundled or not, a quote still points at the entities its relation joins.
    expect(of('bundle').map((e) => e.data.id)).toContain('pair:donald-trump~vladimir-putin');
    expectNoLooseEnds(elements);
  });
});
