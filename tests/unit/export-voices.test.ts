import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pathAsText } from '../../src/model/analysis/path-narrative';
import { DEFAULT_PATH_OPTIONS, findPaths } from '../../src/model/analysis/paths';
import { claimsOf } from '../../src/model/core/claims';
import { NO_FILTERS } from '../../src/model/core/filters';
import { buildModel } from '../../src/model/core/model-builder';
import { subgraphOf } from '../../src/model/core/subgraph';
import { citationsOf, sourceCitationsOf } from '../../src/model/export/citations';
import { toCSV } from '../../src/model/export/csv';
import { buildExportGraph } from '../../src/model/export/export-graph';
import { exportData } from '../../src/model/export/formats';
import { toGEXF } from '../../src/model/export/gexf';
import { toGraphML } from '../../src/model/export/graphml';
import { legendOf } from '../../src/model/export/legend';
import { subBundle } from '../../src/model/export/sub-bundle';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { parseCsv } from './csv-reader';
import { fitPage } from './export-page-fixture';
import { join } from 'node:path';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { FIXTURES, fixtureBundle } from './fixtures';

/** A made-up affair told by a report and an article that do not always agree (tests/fixtures/datasets/two-sources). */
const model = buildModel(fixtureBundle('two-sources'));
const everything = subgraphOf(
  model,
  model.data.entities.map((e) => e.id),
  NO_FILTERS,
);
const graph = buildExportGraph(model, everything);
const edge = (id: string) => graph.edges.find((e) => e.id === id)!;
const REPORT = 'Report on the Port Ash affair';
const ARTICLE = 'The ship that never docked';

/** Rows of a CSV table as objects keyed by its header. */
function table(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** The "Fit the drawing" page of a 300×180 drawing, every page's SVG one after the other. */
const svgOf = (g = graph) =>
  fitPage(
    { bounds: { x1: 0, y1: 0, x2: 300, y2: 180 }, nodes: [], edges: [] },
    { legend: legendOf(g), citations: citationsOf(g), sources: sourceCitationsOf(g) },
  ).svgs.join('\n');
/** The footer's lines as text, unescaped. */
const svgTexts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

describe('exports of a relation several sources present', () => {
  it('list each cited source once and give every relation its voices, corroboration and dispute', () => {
    expect(graph.sources.map((s) => [s.number, s.id])).toEqual([
      [1, 'the-report'],
      [2, 'the-article'],
    ]);
    const met = edge('mercer-met-volkov');
    expect(met.voices.map((v) => [v.sourceId, v.number, v.statuses])).toEqual([
      ['the-report', 1, ['fact']],
      ['the-article', 2, ['claim']],
    ]);
    expect(met.voicesText).toBe('Stated as fact by the report; claimed by Boris Volkov');
    expect(met.quotes.map((q) => [q.status, q.assertedBy])).toEqual([
      ['fact', []],
      ['claim', ['Boris Volkov']],
    ]);
    expect([met.corroboration, met.contested]).toEqual([2, false]);
    expect([edge('volkov-paid-mercer').corroboration, edge('volkov-paid-mercer').contested]).toEqual([
      1,
      true,
    ]);
    // Answered by the joint denial, a relation of its own.
    expect(edge('sea-falcon-docked-port-ash').contested).toBe(true);
    expect(edge('sea-falcon-never-docked').answers).toBe('sea-falcon-docked-port-ash');
  });

  it('GraphML and GEXF carry each source once with its statuses, and every quote’s status and asserters', () => {
    for (const g of [graphml.parse(Graph, toGraphML(graph)), gexf.parse(Graph, toGEXF(graph))]) {
      const at = (name: string) => g.getEdgeAttribute('mercer-met-volkov', name) as unknown;
      expect(at('sources')).toBe(`${REPORT}\n${ARTICLE}`);
      expect(at('source_statuses')).toBe(`${REPORT}: fact\n${ARTICLE}: claim`);
      expect(at('voices')).toBe('Stated as fact by the report; claimed by Boris Volkov');
      expect(at('corroboration')).toBe(2);
      expect(at('quote_statuses')).toBe('fact\nclaim');
      expect(at('asserted_by')).toBe('\nBoris Volkov');
      expect(g.getEdgeAttribute('sea-falcon-never-docked', 'asserted_by')).toBe(
        'Northwind Shipping; Ruritania',
      );
      expect(g.getEdgeAttribute('volkov-paid-mercer', 'contested')).toBe(true);
    }
  });

  it('CSV has a claims table (relation, source, status, asserted by, quote) and lists each source once', () => {
    const { claims, sources } = toCSV(graph);
    const rows = table(claims);
    expect(
      rows
        .filter((r) => r.relation_id === 'mercer-met-volkov')
        .map((r) => [r.source, r.status, r.asserted_by, r.quote, r.claim]),
    ).toEqual([
      [
        REPORT,
        'fact',
        '',
        'Alice Mercer met Boris Volkov at the harbour meeting in Port Ash',
        'Stated as fact by the report: Alice Mercer met Boris Volkov',
      ],
      [
        ARTICLE,
        'claim',
        'Boris Volkov',
        'Boris Volkov claims that he met Alice Mercer on Tuesday',
        'Claimed by Boris Volkov: Alice Mercer met Boris Volkov',
      ],
    ]);
    // One row per quote of a relation.
    expect(rows).toHaveLength(graph.edges.reduce((n, e) => n + e.quotes.length, 0));
    expect(rows.find((r) => r.quote_id === 'q-mercer-denies')).toMatchObject({
      status: 'denial',
      asserted_by: 'Alice Mercer',
      answers: 'q-memo-paid',
    });
    expect(table(sources).map((s) => [s.number, s.id, s.title, s.publisher])).toEqual([
      ['1', 'the-report', REPORT, 'Port Ash Inquiry'],
      ['2', 'the-article', ARTICLE, 'Harbour Gazette'],
    ]);
    const result = exportData(model, everything, {
      format: 'csv',
      focus: null,
      exportedAt: new Date('2024-01-02T03:04:05Z'),
    });
    if (!result.ok) throw new Error(result.reason);
    const files = unzipSync(result.file.content as Uint8Array);
    expect(files['claims.csv']).toEqual(strToU8(claims));
    expect(strFromU8(files['README.txt']!)).toMatch(/claims\.csv: one row per quote/);
  });

  it('the image footer says how each source presents a relation, marks each quote with its status and source, and lists each source once', () => {
    const met = citationsOf(graph).find((c) => c.relationId === 'mercer-met-volkov')!;
    expect(met.voices).toBe('Stated as fact by the report; claimed by Boris Volkov');
    expect(met.quotes.map((q) => q.attribution)).toEqual(['— Fact · S1', '— Claim · Boris Volkov · S2']);
    const texts = svgTexts(svgOf());
    // Lines of a column wrap; read as one text, each entry is whole.
    const all = texts.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Stated as fact by the report; claimed by Boris Volkov');
    expect(texts).toContain('Sources');
    expect(all.split(REPORT)).toHaveLength(2);
    expect(all).toContain(`S1 ${REPORT}. Port Ash Inquiry. 2019-04-18`);
    expect(all.split(ARTICLE)).toHaveLength(2);
    expect(all).toContain(`S2 ${ARTICLE}. Sam Reed. Harbour Gazette. 2019-04-20`);
  });
});

describe('dates a source gives relative to its own', () => {
  it('are exported as resolved and as the source words them', () => {
    const met = edge('mercer-met-volkov');
    expect(met.date?.text).toBe('2019-04-16');
    expect(citationsOf(graph).find((c) => c.relationId === met.id)!.detail).toBe(
      '2019-04-16, “Tuesday” in the article',
    );
    expect(table(toCSV(graph).edges).find((e) => e.id === met.id)!.date_as_written).toBe(
      '“Tuesday” in the article',
    );
  });

  it('keep the written form when the source has no date to resolve it against', () => {
    // The article undated: "Tuesday" cannot be placed, and must not be lost.
    const read = folderReader(join(FIXTURES, 'two-sources'));
    const { bundle } = validateDatasetFolder('two-sources', (f) =>
      f === 'dataset.json' ? String(read(f)).replace('"2019-04-20"', 'null') : read(f),
    );
    const undated = buildModel(bundle!);
    const g = buildExportGraph(undated, subgraphOf(undated, ['alice-mercer', 'boris-volkov'], NO_FILTERS));
    const met = g.edges.find((e) => e.id === 'mercer-met-volkov')!;
    expect(met.date).toBeUndefined();
    expect(citationsOf(g).find((c) => c.relationId === met.id)!.detail).toBe('“Tuesday” in the article');
    expect(graphml.parse(Graph, toGraphML(g)).getEdgeAttribute(met.id, 'date_as_written')).toBe(
      '“Tuesday” in the article',
    );
  });
});

describe('declared entity types in exports', () => {
  it('carry their own type, its label and the base type they are drawn as', () => {
    const falcon = table(toCSV(graph).nodes).find((n) => n.id === 'sea-falcon')!;
    expect([falcon.entity_type, falcon.entity_type_label, falcon.base_type]).toEqual([
      'vessel',
      'Vessel',
      'organization',
    ]);
    const g = graphml.parse(Graph, toGraphML(graph));
    expect(g.getNodeAttribute('sea-falcon', 'entity_type_label')).toBe('Vessel');
    // yEd draws it with the organisation's shape.
    expect(toGraphML(graph)).toMatch(/<node id="sea-falcon">[\s\S]*?<y:Shape type="roundrectangle"\/>/);
    expect(gexf.parse(Graph, toGEXF(graph)).getNodeAttribute('sea-falcon', 'base_type')).toBe('organization');
  });

  it('share the legend entry of their base type, named by their label', () => {
    const labels = legendOf(graph)
      .filter((e) => e.kind === 'entity')
      .map((e) => e.label);
    expect(labels).toContain('Organization, Vessel');
    const onlyFalcon = buildExportGraph(model, subgraphOf(model, ['sea-falcon', 'port-ash'], NO_FILTERS));
    expect(legendOf(onlyFalcon).filter((e) => e.kind === 'entity')).toContainEqual(
      expect.objectContaining({ label: 'Vessel', shape: 'round-rectangle' }),
    );
  });
});

describe('a refuted relation reads as refuted in every export', () => {
  // The memo alleges that Volkov controls the Sea Falcon; the article says the story has been widely debunked.
  const id = 'volkov-controls-sea-falcon';
  const refuting = 'The story that Boris Volkov secretly controls the Sea Falcon has been widely debunked';

  it('in the image footer: the heading, the voices and the quote', () => {
    const all = svgTexts(svgOf()).join(' ');
    expect(all).toMatch(/\[\d+\] Refuted: Boris Volkov controls Sea Falcon /);
    expect(all).toContain('Alleged by Kestrel memo; refuted by the article');
    expect(citationsOf(graph).find((c) => c.relationId === id)!.quotes[1]!.attribution).toBe(
      '— Refuted · S2',
    );
  });

  it('in GraphML, GEXF and CSV: label, status, voices and the refuting quote’s status', () => {
    for (const g of [graphml.parse(Graph, toGraphML(graph)), gexf.parse(Graph, toGEXF(graph))]) {
      expect(g.getEdgeAttribute(id, 'label')).toBe('controls (refuted)');
      expect(g.getEdgeAttribute(id, 'status')).toBe('refuted');
      expect(g.getEdgeAttribute(id, 'voices')).toBe('Alleged by Kestrel memo; refuted by the article');
      expect(g.getEdgeAttribute(id, 'quote_statuses')).toBe('allegation\nrefuted');
    }
    const { edges, claims } = toCSV(graph);
    expect(table(edges).find((e) => e.id === id)).toMatchObject({
      label: 'controls (refuted)',
      status: 'refuted',
    });
    expect(table(claims).find((c) => c.quote === refuting)).toMatchObject({
      relation: 'Refuted: Boris Volkov controls Sea Falcon',
      claim: 'Refuted by the article: Boris Volkov controls Sea Falcon',
      status: 'refuted',
    });
  });

  it('in the bundle of the view and in a copied path', () => {
    const result = subBundle(model, subgraphOf(model, ['boris-volkov', 'sea-falcon'], NO_FILTERS));
    if (!result.ok) throw new Error(result.reason);
    const relation = result.bundle.relations.find((r) => r.id === id)!;
    expect(relation.status).toBe('refuted');
    expect(relation.claims?.map((c) => c.status)).toEqual(['allegation', 'refuted']);
    const path = findPaths(model, 'boris-volkov', 'sea-falcon', { ...DEFAULT_PATH_OPTIONS, maxPaths: 1 })
      .paths[0]!;
    const text = pathAsText(model, path);
    expect(text).toContain('1. Refuted: Boris Volkov — controls → Sea Falcon');
    expect(text).toContain(`“${refuting}” — Refuted [2]`);
  });
});

describe('the bundle of a view keeps what each source says', () => {
  it('keeps claims, answers, joint speakers, asserters and declared entity types, and passes the validator', () => {
    const view = subgraphOf(model, ['boris-volkov', 'alice-mercer', 'sea-falcon', 'port-ash'], NO_FILTERS);
    const result = subBundle(model, view);
    if (!result.ok) throw new Error(result.reason);
    const { bundle } = result;
    expect(bundle.version).toBe(2);
    expect(bundle.entityTypes).toEqual([
      expect.objectContaining({ id: 'vessel', label: 'Vessel', base: 'organization' }),
    ]);
    expect(bundle.sources.map((s) => s.id)).toEqual(['the-report', 'the-article']);
    expect(bundle.relations.find((r) => r.id === 'sea-falcon-never-docked')!.answers).toBe(
      'sea-falcon-docked-port-ash',
    );
    expect(bundle.quotes.find((q) => q.id === 'q-joint')!.speakers).toEqual([
      'northwind-shipping',
      'ruritania',
    ]);
    // Asserters and joint speakers come along though not drawn, so every claim keeps its voice.
    expect(bundle.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['kestrel-memo', 'northwind-shipping', 'ruritania']),
    );
    const checked = validateBundleText(JSON.stringify(bundle), 'view.json');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const reopened = buildModel(checked.bundle!);
    for (const r of view.relations) expect(claimsOf(reopened, r.id)).toEqual(claimsOf(model, r.id));
  });

  it('brings along the relation a shown denial answers, so the denial does not point nowhere', () => {
    const onlyDenial = subgraphOf(model, ['sea-falcon', 'port-ash'], {
      ...NO_FILTERS,
      hiddenStatuses: new Set(['reported']),
    });
    expect(onlyDenial.relations.map((r) => r.id)).toEqual(['sea-falcon-never-docked']);
    const result = subBundle(model, onlyDenial);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bundle.relations.map((r) => r.id)).toEqual([
      'sea-falcon-docked-port-ash',
      'sea-falcon-never-docked',
    ]);
    const checked = validateBundleText(JSON.stringify(result.bundle), 'view.json');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
