import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/core/filters';
import { csvField, toCSV } from '../../src/model/export/csv';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { exportData, exportFileName } from '../../src/model/export/formats';
import { toGEXF } from '../../src/model/export/gexf';
import { toGraphML } from '../../src/model/export/graphml';
import { neighbourhood } from '../../src/model/export/neighbourhood';
import { subBundle } from '../../src/model/export/sub-bundle';
import { subgraphOf } from '../../src/model/core/subgraph';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { assertWellFormed } from './export-wellformed';
import { hostileModel } from './export-fixture';
import { buildModel } from '../../src/model/core/model-builder';
import { articleBundle } from './fixtures';
import { parseCsv } from './csv-reader';

const model = hostileModel();
const visible = ['ann', 'bob', 'club', 'loner'];
const subgraph = subgraphOf(model, visible, NO_FILTERS);
const positions = new Map([
  ['ann', { x: 10.4, y: -20.6 }],
  ['bob', { x: 200, y: 40 }],
]);
const graph = buildExportGraph(model, subgraph, { positions, focus: 'ann' });

describe('export graph', () => {
  it('numbers every drawn relation and resolves its quotes with speaker and source', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(visible);
    expect(graph.edges.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    // Every drawn relation once, in the dataset's order, those between one pair numbered one after another
    // (Bob–Ann in either direction).
    expect([...graph.edges.map((e) => e.id)].sort()).toEqual(subgraph.relations.map((r) => r.id).sort());
    expect(graph.edges.map((e) => e.id)).toEqual([
      'ann-praised-bob',
      'bob-praised-ann',
      'ann-met-bob',
      'ann-member-of-club',
    ]);
    const met = graph.edges.find((e) => e.id === 'ann-met-bob')!;
    expect(met.directed).toBe(false);
    expect(met.quotes.map((q) => q.speaker)).toEqual(['Ann "The <Rock>" & Co', "Bob, O'Neil"]);
    expect(met.quotes[0]!.sourceTitle).toBe('Notes, "annotated" <draft>');
    expect(graph.nodes.find((n) => n.id === 'ann')!.position).toEqual({ x: 10.4, y: -20.6 });
  });

  it('writes dates as ISO intervals with open ends and approximation marked', () => {
    const withGig = buildExportGraph(model, subgraphOf(model, ['gig'], NO_FILTERS));
    expect(withGig.nodes[0]!.date).toEqual({
      text: '1990s/2001-03~',
      start: '1990-01-01',
      end: '2001-03-31',
    });
  });
});

describe('GraphML', () => {
  const xml = toGraphML(graph);

  it('is well-formed XML with every hostile string escaped', () => {
    assertWellFormed(xml);
    expect(xml).toContain('Ann &quot;The &lt;Rock&gt;&quot; &amp; Co');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
  });

  it('reads back with graphology-graphml with the same nodes, edges and attributes', () => {
    const back = graphml.parse(Graph, xml);
    expect(back.order).toBe(4);
    expect(back.size).toBe(4);
    expect(back.getNodeAttribute('ann', 'label')).toBe('Ann "The <Rock>" & Co');
    expect(back.getNodeAttribute('club', 'entity_type')).toBe('organization');
    expect(back.getNodeAttribute('club', 'aliases')).toBe('A|B\nC;D');
    const edge = back.getEdgeAttributes('ann-member-of-club');
    expect(edge).toMatchObject({
      relation_type: 'member_of',
      status: 'reported',
      date: '2001-03-04',
      directed: true,
      citation: graph.edges.find((e) => e.id === 'ann-member-of-club')!.number,
      evidence_count: 1,
      note: 'A note with "quotes", commas\nand a line break.',
    });
    expect(edge.quotes).toBe('Café ☕, a=1+2; in the 1990s.');
    expect(back.getEdgeAttribute('ann-met-bob', 'quotes')).toBe(
      '"<b>rock & roll</b>" is \'great\'\n<script>alert(1)</script>',
    );
    expect(back.getEdgeAttribute('ann-met-bob', 'directed')).toBe(false);
  });

  it('carries yEd graphics: geometry from the view and labels', () => {
    expect(xml).toContain('<y:Geometry x="-6.6" y="-37.6" width="34" height="34"/>');
    expect(xml).toContain('<y:EdgeLabel fontSize="9">met &lt;with&gt;</y:EdgeLabel>');
  });
});

describe('GEXF', () => {
  const xml = toGEXF(graph);

  it('is well-formed GEXF 1.3', () => {
    assertWellFormed(xml);
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    expect(xml).not.toContain('\u0001');
  });

  it('reads back with graphology-gexf with the same nodes, edges and attributes', () => {
    const back = gexf.parse(Graph, xml);
    expect(back.order).toBe(4);
    expect(back.size).toBe(4);
    expect(back.getNodeAttributes('ann')).toMatchObject({
      label: 'Ann "The <Rock>" & Co',
      entity_type: 'person',
      x: 10.4,
      y: 20.6,
    });
    expect(back.getEdgeAttributes('bob-praised-ann')).toMatchObject({
      label: 'praised (denied)',
      status: 'denial',
      quotes: '<script>alert(1)</script>',
      speakers: "Bob, O'Neil",
      sources: 'Notes, "annotated" <draft>',
      source_urls: 'https://example.org/notes?a=1&b=2',
      directed: true,
    });
  });
});

describe('CSV', () => {
  it('quotes fields per RFC 4180 and reads back exactly', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(true)).toBe('true');
    const csv = toCSV(graph);
    // Both files start with a byte order mark for spreadsheet programs; the reader below works on what follows it.
    const [nodes, edges] = [csv.nodes.replace(/^\uFEFF/, ''), csv.edges.replace(/^\uFEFF/, '')];
    expect(nodes.endsWith('\r\n')).toBe(true);
    const nodeRows = parseCsv(nodes);
    expect(nodeRows[0]).toEqual([
      'id',
      'label',
      'entity_type',
      'entity_type_label',
      'base_type',
      'role',
      'description',
      'aliases',
      'date',
      'date_start',
      'date_end',
      'x',
      'y',
    ]);
    expect(nodeRows).toHaveLength(5);
    expect(nodeRows[1]).toEqual([
      'ann',
      'Ann "The <Rock>" & Co',
      'person',
      'Person',
      'person',
      '',
      'Says, "hi".\nTwice.',
      '',
      '',
      '',
      '',
      '10',
      '-21',
    ]);
    const edgeRows = parseCsv(edges);
    const header = edgeRows[0]!;
    expect(header.slice(0, 6)).toEqual(['id', 'source', 'target', 'source_label', 'target_label', 'label']);
    expect(header).toEqual(
      expect.arrayContaining(['relation_type', 'status', 'date', 'quotes', 'speakers', 'sources']),
    );
    const met = Object.fromEntries(
      header.map((h, i) => [h, edgeRows.find((r) => r[0] === 'ann-met-bob')![i]]),
    );
    expect(met.quotes).toBe('"<b>rock & roll</b>" is \'great\'\n<script>alert(1)</script>');
    expect(met.directed).toBe('false');
    expect(edges).toContain('"""<b>rock & roll</b>"" is \'great\'\n<script>alert(1)</script>"');
  });

  it('zips nodes.csv, edges.csv, claims.csv and sources.csv into one download', () => {
    const result = exportData(model, subgraph, {
      format: 'csv',
      focus: null,
      exportedAt: new Date('2024-01-02T03:04:05Z'),
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.fileName).toBe('hostile--view-csv.zip');
    const files = unzipSync(result.file.content as Uint8Array);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'claims.csv',
      'edges.csv',
      'nodes.csv',
      'sources.csv',
    ]);
    expect(files['nodes.csv']).toEqual(strToU8(toCSV(buildExportGraph(model, subgraph)).nodes));
  });
});

describe('status in every data format', () => {
  // bob-praised-ann is a denial: no format may label it as if it were established.
  const denied = graph.edges.find((e) => e.id === 'bob-praised-ann')!;

  it('labels a denied relation "praised (denied)" in CSV, GraphML and GEXF, a fact without a status', () => {
    expect(denied.label).toBe('praised (denied)');
    const rows = parseCsv(toCSV(graph).edges.replace(/^\uFEFF/, ''));
    const label = rows[0]!.indexOf('label');
    expect(rows.find((r) => r[0] === 'bob-praised-ann')![label]).toBe('praised (denied)');
    expect(rows.find((r) => r[0] === 'ann-praised-bob')![label]).toBe('praised (claimed)');
    expect(rows.find((r) => r[0] === 'ann-met-bob')![label]).toBe('met <with>');
    const fromGraphML = graphml.parse(Graph, toGraphML(graph));
    const fromGEXF = gexf.parse(Graph, toGEXF(graph));
    for (const g of [fromGraphML, fromGEXF]) {
      expect(g.getEdgeAttribute('bob-praised-ann', 'label')).toBe('praised (denied)');
      expect(g.getEdgeAttribute('ann-met-bob', 'label')).toBe('met <with>');
    }
    // yEd draws the y:EdgeLabel, not the data field.
    expect(toGraphML(graph)).toContain('<y:EdgeLabel fontSize="9">praised (denied)</y:EdgeLabel>');
  });
});

describe('CSV for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as a formula, as OWASP recommends', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = `${lead}HYPERLINK("http://x")`;
      const written = csvField(cell);
      const [[read]] = parseCsv(`${written}\r\n`) as [[string]];
      expect(read, JSON.stringify(lead)).toBe(`'${cell}`);
    }
    // Numbers are values, not formulas: a negative coordinate stays a number.
    expect(csvField(-21)).toBe('-21');
    expect(csvField('a=1')).toBe('a=1');
  });

  it('neutralises a hostile name in the rows it appears in', () => {
    const hostile = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, name: `=${n.name}` })) };
    const rows = parseCsv(toCSV(hostile).nodes.replace(/^\uFEFF/, ''));
    expect(rows[1]![1]).toBe('\'=Ann "The <Rock>" & Co');
  });

  it('starts each file with a UTF-8 byte order mark and says what was changed in the README', () => {
    const result = exportData(model, subgraph, { format: 'csv', focus: null });
    if (!result.ok) throw new Error(result.reason);
    const files = unzipSync(result.file.content as Uint8Array);
    for (const name of ['nodes.csv', 'edges.csv'])
      expect([...files[name]!.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toMatch(/byte order mark/i);
    expect(readme).toMatch(/=, \+, -, @/);
    expect(readme).toMatch(/apostrophe/);
    expect(readme).toMatch(/GraphML/);
    expect(readme).toMatch(/\(denied\)/);
  });
});

describe('Threadline bundle of the view', () => {
  it('keeps the visible relations, their quotes and sources, and passes the validator', () => {
    const result = subBundle(model, subgraphOf(model, ['ann', 'bob'], NO_FILTERS));
    if (!result.ok) throw new Error(result.reason);
    const { bundle } = result;
    expect(bundle.relations.map((r) => r.id)).toEqual(['ann-praised-bob', 'bob-praised-ann', 'ann-met-bob']);
    expect(bundle.quotes.map((q) => q.id)).toEqual(['q-rock', 'q-script']);
    expect(bundle.sources.map((s) => s.id)).toEqual(['notes']);
    expect(bundle.relationTypes.map((t) => t.id)).toEqual(['praised', 'met']);
    // The occasion of a cited quote comes along so the quote keeps its attribution.
    expect(bundle.entities.map((e) => e.id)).toEqual(['ann', 'bob', 'gig']);
    const checked = validateBundleText(JSON.stringify(bundle), 'view.json');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.bundle).toBeDefined();
  });

  it('refuses a view without relations instead of writing an invalid bundle', () => {
    const result = exportData(model, subgraphOf(model, ['loner'], NO_FILTERS), {
      format: 'json',
      focus: null,
    });
    expect(result.ok).toBe(false);
  });
});

describe('file names and neighbourhoods', () => {
  it('names the dataset and the focus', () => {
    expect(exportFileName('trump-putin', 'eric-trump', 'png')).toBe('trump-putin--eric-trump.png');
    expect(exportFileName('trump-putin', null, 'graphml')).toBe('trump-putin--view.graphml');
    expect(exportFileName('../../etc', 'a/b', 'svg')).toBe('etc--a-b.svg');
  });

  it('walks relations breadth-first to the given depth', () => {
    expect(neighbourhood(model, NO_FILTERS, 'club', 0)).toEqual(['club']);
    expect(neighbourhood(model, NO_FILTERS, 'club', 1)).toEqual(['club', 'ann']);
    expect(neighbourhood(model, NO_FILTERS, 'club', 2)).toEqual(['club', 'ann', 'bob']);
    expect(neighbourhood(model, NO_FILTERS, 'nobody', 2)).toEqual([]);
  });
});

describe('a refuted relation in every data format', () => {
  // The article's debunked claim that Ukraine interfered in 2016: no format may carry it as an open allegation.
  const article = buildModel(articleBundle());
  const refutedGraph = buildExportGraph(
    article,
    subgraphOf(article, ['ukraine', 'election-2016'], NO_FILTERS),
  );

  it('labels it "interfered in (refuted)" with the status "refuted" in CSV, GraphML and GEXF', () => {
    const edge = refutedGraph.edges.find((e) => e.id === 'ukraine-interfered-2016-false')!;
    expect(edge.sentence).toBe('Refuted: Ukraine interfered in 2016 U.S. presidential election');
    const rows = parseCsv(toCSV(refutedGraph).edges.replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[0] === 'ukraine-interfered-2016-false')!;
    expect(row[rows[0]!.indexOf('label')]).toBe('interfered in (refuted)');
    expect(row[rows[0]!.indexOf('status')]).toBe('refuted');
    for (const g of [
      graphml.parse(Graph, toGraphML(refutedGraph)),
      gexf.parse(Graph, toGEXF(refutedGraph)),
    ]) {
      expect(g.getEdgeAttribute('ukraine-interfered-2016-false', 'label')).toBe('interfered in (refuted)');
      expect(g.getEdgeAttribute('ukraine-interfered-2016-false', 'status')).toBe('refuted');
    }
  });
});
