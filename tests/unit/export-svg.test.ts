import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/core/filters';
import { citationsOf, MAX_QUOTE_CHARS, sourceCitationsOf } from '../../src/model/export/citations';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { DASHES, legendOf } from '../../src/model/export/legend';
import { buildModel } from '../../src/model/core/model-builder';
import type { Scene } from '../../src/model/export/scene';
import { edgePath, edgeSvg, labelPlacement } from '../../src/model/export/svg';
import { wrapText } from '../../src/model/export/wrap';
import { subgraphOf } from '../../src/model/core/subgraph';
import { toPageSVG } from '../../src/model/export/page-svg';
import { fitPage } from './export-page-fixture';
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

/** The "Fit the drawing" page of the scene, as SVG. */
function document(options: { legend: boolean; citations: boolean }, shown = graph) {
  const page = fitPage(scene, {
    legend: options.legend ? legendOf(shown) : null,
    citations: options.citations ? citationsOf(shown) : null,
    sources: options.citations ? sourceCitationsOf(shown) : [],
    defaultSourceLine: 'Tom & Jerry <dataset>',
  });
  return { page, svg: page.svgs[0]!, all: page.svgs.join('\n') };
}

describe('SVG export', () => {
  const { svg } = document({ legend: true, citations: true });

  it('is well-formed XML with every string escaped', () => {
    const names = assertWellFormed(svg);
    expect(names[0]).toBe('svg');
    // The name wraps onto two lines of its label; the footer's heading has it whole.
    expect(svg).toContain('>Ann &quot;The &lt;Rock&gt;&quot; &amp;</text>');
    expect(svg).toContain('Claimed: Ann &quot;The &lt;Rock&gt;&quot; &amp; Co praised');
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
    const arrowed = edgeSvg(scene.edges[0]!);
    expect(arrowed).toContain('d="M17 0 L175 0"');
    expect(arrowed).toMatch(/<polygon points="183,0 175,4 175,-4"/);
    // A label goes first where Cytoscape puts it: the middle of the curve.
    expect(
      labelPlacement([
        { x: 0, y: 0 },
        { x: 10, y: 20 },
        { x: 20, y: 0 },
      ]),
    ).toEqual({ x: 10, y: 10 });
  });

  it('draws the graph in page coordinates, no transform, and the legend and citations in the footer below it', () => {
    expect(svg).not.toContain('transform');
    expect(svg).toContain('<g id="page">');
    const footer = svg.slice(svg.indexOf('<g id="page">'));
    expect(footer).toContain('>Evidence</text>');
    expect(footer).toMatch(/>\[1\] Claimed: Ann &quot;The &lt;Rock&gt;&quot; &amp; Co /);
    expect(footer).toContain('>Person</text>');
    expect(footer).toContain('>Claim</text>');
    expect(footer).toContain('>Source: Tom &amp; Jerry &lt;dataset&gt; · 2026-12-06</text>');
  });

  it('is only the graph, its margins and the source line without legend or citations', () => {
    const plain = document({ legend: false, citations: false });
    expect(plain.svg).not.toContain('>Evidence<');
    const footer = plain.svg.slice(plain.svg.indexOf('<g id="page">'));
    expect([...footer.matchAll(/<text/g)]).toHaveLength(1);
  });

  it('is transparent when asked', () => {
    const { page } = document({ legend: false, citations: false });
    expect(
      toPageSVG({ page: page.pages[0]!, scene: null, labels: [], background: null, title: 't' }),
    ).not.toContain('<rect width=');
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
    const { all: svg } = document({ legend: false, citations: true });
    const bold = [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // A heading may wrap onto a second bold line.
    expect(bold.join(' ')).toContain(
      '[2] Denied: Bob, O&apos;Neil praised Ann &quot;The &lt;Rock&gt;&quot; &amp; Co',
    );
  });

  it('titles the article’s debunked claim "Refuted: …" in the footer and lists Refuted, dotted, in the legend', () => {
    const article = buildModel(articleBundle());
    const shown = buildExportGraph(article, subgraphOf(article, ['ukraine', 'election-2016'], NO_FILTERS));
    const legend = legendOf(shown);
    expect(legend).toContainEqual(
      expect.objectContaining({ kind: 'status', label: 'Refuted', dash: DASHES.dotted }),
    );
    const { all: svg } = document({ legend: true, citations: true }, shown);
    const bold = [...svg.matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(bold.join(' ')).toMatch(
      /\[\d+\] Refuted: Ukraine interfered in 2016 U\.S\. presidential election/,
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
