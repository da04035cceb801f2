import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/core/filters';
import { citationsOf, MAX_QUOTE_CHARS, sourceCitationsOf } from '../../src/model/export/citations';
import { compose, PADDING } from '../../src/model/export/composition';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { DASHES, legendOf } from '../../src/model/export/legend';
import { buildModel } from '../../src/model/core/model-builder';
import { approxMeasure, type Scene } from '../../src/model/export/scene';
import { edgePath, labelPlacement, toSVG } from '../../src/model/export/svg';
import { wrapText } from '../../src/model/export/wrap';
import { subgraphOf } from '../../src/model/core/subgraph';
import { assertWellFormed } from './export-wellformed';
import { hostileModel } from './export-fixture';
import { articleBundle } from './fixtures';

const model = hostileModel();
const graph = buildExportGraph(model, subgraphOf(model, ['ann', 'bob', 'club'], NO_FILTERS), {
  focus: 'ann',
});

const scene: Scene = {
  bounds: { x1: -50, y1: -40, x2: 250, y2: 140 },
  nodes: [
    { id: 'ann', name: 'Ann "The <Rock>" & Co', x: 0, y: 0, type: 'person', shape: 'ellipse' },
    { id: 'bob', name: "Bob, O'Neil", x: 200, y: 0, type: 'person', shape: 'ellipse' },
    { id: 'club', name: 'Club =1+2', x: 100, y: 100, type: 'organization', shape: 'round-rectangle' },
  ].map((n) => ({
    id: n.id,
    kind: 'entity' as const,
    type: n.type,
    x: n.x,
    y: n.y,
    width: 34,
    height: 34,
    shape: n.shape,
    fill: '#3b6fd8',
    stroke: '#ffffff',
    strokeWidth: 1.5,
    label: n.name,
    fontSize: 11,
    labelColor: '#1f2933',
    labelMaxWidth: 110,
    icon: 'M12 12a4 4 0 1 0 0-8z',
  })),
  edges: [
    {
      id: 'ann-praised-bob',
      kind: 'relation',
      source: 'ann',
      target: 'bob',
      points: [
        { x: 17, y: 0 },
        { x: 183, y: 0 },
      ],
      color: '#1c7ed6',
      width: 1.6,
      dash: [6, 4],
      arrow: true,
      label: '[1] praised <&> "x"',
      fontSize: 9,
      labelColor: '#52606d',
      status: 'claim',
    },
    {
      id: 'ann-met-bob',
      kind: 'relation',
      source: 'ann',
      target: 'bob',
      points: [
        { x: 15, y: -8 },
        { x: 100, y: -40 },
        { x: 185, y: -8 },
      ],
      color: '#343a40',
      width: 1.6,
      arrow: false,
      label: '[2] met',
      fontSize: 9,
      labelColor: '#52606d',
      status: 'fact',
    },
  ],
};

function document(options: { legend: boolean; citations: boolean }) {
  const composition = compose({
    graphWidth: 300,
    graphHeight: 180,
    legend: options.legend ? legendOf(graph) : null,
    citations: options.citations ? citationsOf(graph) : null,
    caption: 'Tom & Jerry <dataset>',
    measure: approxMeasure,
  });
  return {
    composition,
    svg: toSVG({
      scene,
      composition,
      background: '#ffffff',
      title: 'A <title> & "more"',
      measure: approxMeasure,
    }),
  };
}

describe('SVG export', () => {
  const { svg, composition } = document({ legend: true, citations: true });

  it('is well-formed XML with every string escaped', () => {
    const names = assertWellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(svg).toContain('Ann &quot;The &lt;Rock&gt;&quot; &amp; Co');
    expect(svg).toContain('[1] praised &lt;&amp;&gt; &quot;x&quot;');
    expect(svg).toContain('<title>A &lt;title&gt; &amp; &quot;more&quot;</title>');
    expect(svg).not.toMatch(/<script/);
  });

  it('groups each element under its id, with its kind and type as classes', () => {
    expect(svg).toContain('<g id="entity_ann" class="node entity person" data-id="ann">');
    expect(svg).toContain(
      '<g id="relation_ann-praised-bob" class="edge relation claim" data-id="ann-praised-bob" data-source="ann" data-target="bob">',
    );
    expect(svg.match(/<g id="entity_/g)).toHaveLength(3);
    expect(svg.match(/<g id="relation_/g)).toHaveLength(2);
  });

  it('keeps text as text and vectors as vectors', () => {
    expect(svg).toMatch(/<text[^>]*>.*Bob, O&apos;Neil.*<\/text>/);
    expect(svg).not.toMatch(/<image|data:image/);
  });

  it('attaches edges to the endpoints Cytoscape gives, curving through control points', () => {
    expect(
      edgePath([
        { x: 15, y: -8 },
        { x: 100, y: -40 },
        { x: 185, y: -8 },
      ]),
    ).toBe('M15 -8 Q100 -40 185 -8');
    expect(
      edgePath([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 20, y: 0 },
        { x: 30, y: 0 },
      ]),
    ).toBe('M0 0 Q10 10 15 5 Q20 0 30 0');
    // The arrowed edge's line stops at the arrow's base; the arrow's tip is the target endpoint.
    expect(svg).toContain('d="M17 0 L175 0"');
    expect(svg).toMatch(/<polygon points="183,0 175,4 175,-4"/);
    expect(
      labelPlacement([
        { x: 0, y: 0 },
        { x: -10, y: 10 },
      ]).angle,
    ).toBeCloseTo(-45);
  });

  it('places the graph inside the margin and the legend and citations below it', () => {
    expect(svg).toContain(
      `<g id="graph" transform="translate(${composition.graph.x + 50} ${PADDING + 40})">`,
    );
    expect(svg).toContain('<g id="legend-and-evidence">');
    expect(svg).toContain('>Evidence</text>');
    expect(svg).toMatch(/>\[1\] Claimed: Ann &quot;The &lt;Rock&gt;&quot; &amp; Co /);
    expect(svg).toContain('>Person</text>');
    expect(svg).toContain('>Claim</text>');
  });

  it('is only the graph and its margin without legend or citations', () => {
    const plain = document({ legend: false, citations: false });
    expect(plain.composition).toMatchObject({ width: 300 + 2 * PADDING, height: 180 + 2 * PADDING, ops: [] });
    expect(plain.svg).not.toContain('legend-and-evidence');
  });

  it('is transparent when asked', () => {
    const composition = compose({
      graphWidth: 10,
      graphHeight: 10,
      legend: null,
      citations: null,
      caption: '',
      measure: approxMeasure,
    });
    expect(toSVG({ scene, composition, background: null, title: 't', measure: approxMeasure })).not.toContain(
      '<rect width=',
    );
  });
});

describe('image footer layout', () => {
  it('lists every relation with its number, status, quotes, speakers and sources', () => {
    const citations = citationsOf(graph);
    expect(citations.map((c) => c.number)).toEqual(graph.edges.map((e) => e.number));
    const met = citations.find((c) => c.relationId === 'ann-met-bob')!;
    expect(met.heading).toBe('Ann "The <Rock>" & Co met <with> Bob, O\'Neil');
    expect(met.detail).toBe('');
    // A fact is the source's own, even where its sentence quotes someone.
    expect(met.voices).toBe('Stated as fact by A & B Press');
    expect(met.quotes.map((q) => q.attribution)).toEqual([
      '— Fact · Ann "The <Rock>" & Co · S1',
      "— Fact · Bob, O'Neil · S1",
    ]);
    expect(sourceCitationsOf(graph)).toEqual([
      {
        number: 1,
        label: 'S1',
        text: 'Notes, "annotated" <draft>. A & B Press. 2001-03 · https://example.org/notes?a=1&b=2',
      },
    ]);
  });

  it('says in the bold heading of the footer that a relation is denied, and the SVG carries it', () => {
    const citations = citationsOf(graph);
    const denied = citations.find((c) => c.relationId === 'bob-praised-ann')!;
    expect(denied.heading).toBe('Denied: Bob, O\'Neil praised Ann "The <Rock>" & Co');
    expect(citations.find((c) => c.relationId === 'ann-praised-bob')!.heading).toMatch(/^Claimed: /);
    expect(citations.find((c) => c.relationId === 'ann-member-of-club')!.detail).toBe('2001-03-04');
    const composition = compose({
      graphWidth: 300,
      graphHeight: 180,
      legend: null,
      citations,
      caption: 'c',
      measure: approxMeasure,
    });
    const svg = toSVG({ scene, composition, background: '#ffffff', title: 't', measure: approxMeasure });
    const bold = [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(bold).toContain('[2] Denied: Bob, O&apos;Neil praised Ann &quot;The &lt;Rock&gt;&quot; &amp; Co');
  });

  it('titles the article’s debunked claim "Refuted: …" in the footer and lists Refuted, dotted, in the legend', () => {
    const article = buildModel(articleBundle());
    const shown = buildExportGraph(article, subgraphOf(article, ['ukraine', 'election-2016'], NO_FILTERS));
    const legend = legendOf(shown);
    expect(legend).toContainEqual(
      expect.objectContaining({ kind: 'status', label: 'Refuted', dash: DASHES.dotted }),
    );
    const composition = compose({
      graphWidth: 300,
      graphHeight: 180,
      legend,
      citations: citationsOf(shown),
      caption: 'c',
      measure: approxMeasure,
    });
    const svg = toSVG({ scene, composition, background: '#ffffff', title: 't', measure: approxMeasure });
    const bold = [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(bold).toContainEqual(
      expect.stringMatching(/^\[\d+\] Refuted: Ukraine interfered in 2016 U\.S\. presidential election$/),
    );
    expect(svg).toMatch(/>Refuted</);
  });

  it('cuts very long quotes in images only', () => {
    const long = {
      ...graph,
      edges: [{ ...graph.edges[0]!, quotes: [{ ...graph.edges[0]!.quotes[0]!, exact: 'x'.repeat(2000) }] }],
    };
    expect(citationsOf(long)[0]!.quotes[0]!.text.length).toBe(MAX_QUOTE_CHARS + 2);
  });

  it('widens into more columns when the evidence list would be tall and narrow', () => {
    const many = {
      ...graph,
      edges: Array.from({ length: 60 }, (_, i) => ({ ...graph.edges[0]!, number: i + 1 })),
    };
    const c = compose({
      graphWidth: 300,
      graphHeight: 200,
      legend: null,
      citations: citationsOf(many),
      caption: 'c',
      measure: approxMeasure,
    });
    expect(c.width).toBeGreaterThan(1000);
    const columns = new Set(c.ops.filter((o) => o.op === 'text').map((o) => (o.op === 'text' ? o.x : 0)));
    expect(columns.size).toBeGreaterThanOrEqual(3);
  });

  it('wraps on spaces and breaks runs longer than a line', () => {
    const measure = (s: string) => s.length;
    expect(wrapText('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('https://example.org/very/long', 10, measure)).toEqual([
      'https://ex',
      'ample.org/',
      'very/long',
    ]);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });
});
