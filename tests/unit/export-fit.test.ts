import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation, SourceCitation } from '../../src/model/export/citations';
import { FIT_MIN_WIDTH, fitHeight } from '../../src/model/export/fit-page';
import { FOOTER_SHARE, NO_PAGE_TEXTS } from '../../src/model/export/page';
import { MAX_ENLARGEMENT } from '../../src/model/export/place-scene';
import type { Box } from '../../src/model/export/place-scene';
import type { Scene, SceneEdge, SceneNode } from '../../src/model/export/scene';
import { assertWellFormed } from './export-wellformed';
import { fitPage, textsOf } from './export-page-fixture';

const SOURCES: SourceCitation[] = [1, 2, 3].map((n) => ({
  number: n,
  label: `S${n}`,
  text: `Source number ${n}. Some Publisher. 2019`,
}));

const citations = (n: number): Citation[] =>
  Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    relationId: `r${i + 1}`,
    heading: `${i % 2 ? 'Alleged: ' : ''}Person ${i} met Person ${i + 1}`,
    detail: '',
    voices: i % 2 ? 'Alleged by the memo' : 'Stated as fact by the report',
    quotes: [
      {
        text: `“Person ${i} met Person ${i + 1} in a hotel, the report says, twice in one week.”`,
        attribution: `— ${i % 2 ? 'Allegation' : 'Fact'} · S${(i % 3) + 1}`,
      },
    ],
    sourceNumbers: [(i % 3) + 1],
  }));

const node = (id: string, x: number, y: number): SceneNode => ({
  id,
  kind: 'entity',
  type: 'person',
  x,
  y,
  width: 30,
  height: 30,
  shape: 'ellipse',
  fill: '#3b6fd8',
  stroke: '#ffffff',
  strokeWidth: 1.5,
  label: `Someone called ${id}`,
  fontSize: 11,
  labelColor: '#1f2933',
  labelMaxWidth: 110,
});

/** cols × rows entities on a grid `gap` apart, each joined to its right and lower neighbours by a numbered relation. */
function grid(cols: number, rows: number, gap: number): Scene {
  const nodes: SceneNode[] = [];
  const edges: SceneEdge[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) nodes.push(node(`n${r}-${c}`, c * gap, r * gap));
  const at = (r: number, c: number) => nodes[r * cols + c]!;
  const join = (a: SceneNode, b: SceneNode) =>
    edges.push({
      id: `${a.id}~${b.id}`,
      kind: 'relation',
      source: a.id,
      target: b.id,
      points: [
        { x: a.x, y: a.y },
        { x: b.x, y: b.y },
      ],
      color: '#343a40',
      width: 1.6,
      arrow: true,
      label: `[${edges.length + 1}] met with`,
      fontSize: 9,
      labelColor: '#52606d',
      status: 'fact',
    });
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) join(at(r, c), at(r, c + 1));
      if (r + 1 < rows) join(at(r, c), at(r + 1, c));
    }
  // Labels hang below the nodes: the drawing's box takes them in, as Cytoscape's does.
  return { bounds: { x1: -60, y1: -20, x2: (cols - 1) * gap + 60, y2: (rows - 1) * gap + 40 }, nodes, edges };
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const headings = (ops: Parameters<typeof textsOf>[0]) =>
  textsOf(ops).flatMap((t) => (/^\[(\d+)\] /.exec(t) ? [Number(/^\[(\d+)\] /.exec(t)![1])] : []));

describe('"Fit the drawing" is a page: a dense view', () => {
  const scene = grid(12, 8, 110);
  const many = citations(scene.edges.length);
  const page = fitPage(scene, {
    texts: { ...NO_PAGE_TEXTS, headline: 'Who met whom', standfirst: 'Every meeting the report tells of.' },
    legend: [{ kind: 'entity', label: 'Person', color: '#3b6fd8', shape: 'ellipse' }],
    citations: many,
    sources: SOURCES,
  });
  const first = page.pages[0]!;

  it('is as wide as the drawing, which keeps its aspect and its size', () => {
    const { x1, x2, y1, y2 } = scene.bounds;
    expect(first.width).toBe(Math.ceil(x2 - x1 + 40));
    expect(page.placed.scale).toBe(1);
    expect(page.placed.rect.width).toBeCloseTo(x2 - x1);
    expect(page.placed.rect.height).toBeCloseTo(y2 - y1);
  });

  it('gives the footer at most a third of the page, and continues the evidence on pages of the same size', () => {
    expect(first.height - first.footerTop).toBeLessThanOrEqual(first.height * FOOTER_SHARE + 0.001);
    expect(first.graph!.y + first.graph!.height).toBeLessThanOrEqual(first.footerTop);
    // Below the header, nothing of the footer is drawn above its rule.
    for (const op of first.ops)
      if (op.op === 'text' && op.y > first.graph!.y) expect(op.y).toBeGreaterThan(first.footerTop);
    expect(page.pages.length).toBeGreaterThan(1);
    for (const p of page.pages) expect([p.width, p.height]).toEqual([first.width, first.height]);
    // Every relation drawn cited once over the pages, every source listed once.
    expect(page.pages.flatMap((p) => headings(p.ops)).sort((a, b) => a - b)).toEqual(
      many.map((c) => c.number),
    );
    const sourceLines = page.pages.flatMap((p) => textsOf(p.ops)).filter((t) => /^S\d /.test(t));
    expect(sourceLines.map((t) => t.split(' ')[0])).toEqual(['S1', 'S2', 'S3']);
  });

  it('has the headline and standfirst above the drawing', () => {
    const headline = first.ops.find((op) => op.op === 'text' && op.text === 'Who met whom');
    expect(headline).toMatchObject({ bold: true, size: 22 });
    expect(textsOf(first.ops)).toContain('Every meeting the report tells of.');
    expect(headline!.op === 'text' && headline!.y).toBeLessThan(first.graph!.y);
  });

  it("places labels that overlap neither each other nor a node, inside the graph's box", () => {
    const { boxes, dropped } = page.labels;
    expect(boxes.length).toBeGreaterThan(scene.nodes.length);
    expect(boxes.length + dropped.length).toBe(scene.nodes.length + scene.edges.length);
    const nodes = page.placed.scene.nodes.map((n) => ({
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
    }));
    const area = first.graph!;
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const n of nodes) expect(overlap(a, n)).toBe(false);
      expect(a.x >= area.x && a.y >= area.y).toBe(true);
      expect(a.x + a.width <= area.x + area.width && a.y + a.height <= area.y + area.height).toBe(true);
    }
  });

  it('writes SVG without a transform, well-formed, each page at its pixel size', () => {
    for (const svg of page.svgs) {
      assertWellFormed(svg);
      expect(svg).not.toContain('transform');
      expect(svg).toContain(`width="${Math.round(first.width)}" height="${Math.round(first.height)}"`);
    }
  });

  it('shortened, it is one page: "… and N more in the full list" with the link, only the sources still cited', () => {
    const short = fitPage(scene, { citations: many, sources: SOURCES, overflow: 'shorten' });
    expect(short.pages).toHaveLength(1);
    expect(short.shown).toBeGreaterThan(0);
    expect(short.shown).toBeLessThan(short.total);
    const words = textsOf(short.pages[0]!.ops);
    expect(words).toContain(`… and ${short.total - short.shown} more in the full list: open this view at`);
    expect(words).toContain('https://example.org/?dataset=x#v=1');
    const p = short.pages[0]!;
    expect(p.height - p.footerTop).toBeLessThanOrEqual(p.height * FOOTER_SHARE + 0.001);
  });
});

describe('"Fit the drawing": a sparse view', () => {
  const scene = grid(3, 2, 110);
  const page = fitPage(scene, {
    texts: { ...NO_PAGE_TEXTS, headline: 'Three and three' },
    citations: citations(2),
    sources: SOURCES.slice(0, 2),
    scale: 2,
  });
  const first = page.pages[0]!;

  it('is one page ending under its footer, the drawing enlarged (at most twice) to fill the least width', () => {
    expect(page.pages).toHaveLength(1);
    expect(first.width).toBe(FIT_MIN_WIDTH);
    expect(page.placed.scale).toBeLessThanOrEqual(MAX_ENLARGEMENT);
    expect(page.placed.rect.width).toBeCloseTo(FIT_MIN_WIDTH - 40);
    // The graph's box is the drawing's: no band of white above or below it.
    expect(first.graph!.height).toBeCloseTo(page.placed.rect.height, 0);
    expect(first.height - first.footerTop).toBeLessThanOrEqual(first.height * FOOTER_SHARE + 0.001);
    expect(headings(first.ops)).toEqual([1, 2]);
    expect(textsOf(first.ops)).toContain('Source: The dataset · 2026-12-06');
  });

  it("librsvg (not a browser) renders its SVG at the page's pixel size", () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-fit-'));
    writeFileSync(join(dir, 'fit.svg'), page.svgs[0]!);
    const run = spawnSync('rsvg-convert', ['-o', join(dir, 'fit.png'), join(dir, 'fit.svg')], {
      encoding: 'utf8',
    });
    expect(run.error, 'rsvg-convert (apt-get install librsvg2-bin) must be installed').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const png = readFileSync(join(dir, 'fit.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      Math.round(first.width * 2),
      Math.round(first.height * 2),
    ]);
  });

  it('has the scale asked for as its unit', () => {
    expect(first.unit).toBe(2);
    expect(page.svgs[0]).toMatch(
      new RegExp(`width="${Math.round(first.width * 2)}" height="${Math.round(first.height * 2)}"`),
    );
  });

  it('without legend or citations is the drawing, its margins and the source line', () => {
    const wide = grid(8, 2, 110);
    const bare = fitPage(wide);
    const p = bare.pages[0]!;
    expect(p.width).toBe(Math.ceil(wide.bounds.x2 - wide.bounds.x1 + 40));
    expect(textsOf(p.ops)).toEqual(['Source: The dataset · 2026-12-06']);
    expect(p.height).toBeLessThan(wide.bounds.y2 - wide.bounds.y1 + 80);
  });
});

describe('"Fit the drawing": a huge view', () => {
  it('stays within the largest file a browser makes, shrinking the drawing rather than its text', () => {
    const scene = grid(80, 50, 150);
    const page = fitPage(scene, {
      texts: { ...NO_PAGE_TEXTS, headline: 'Everything' },
      citations: citations(40),
      sources: SOURCES,
      scale: 4,
      maxSide: 8000,
    });
    for (const p of page.pages) {
      expect(Math.round(p.width * p.unit)).toBeLessThanOrEqual(8000);
      expect(Math.round(p.height * p.unit)).toBeLessThanOrEqual(8000);
      expect(p.unit).toBeGreaterThanOrEqual(1);
    }
    expect(page.placed.scale).toBeLessThan(1);
    const first = page.pages[0]!;
    expect(first.height - first.footerTop).toBeLessThanOrEqual(first.height * FOOTER_SHARE + 0.001);
  });
});

describe('a Fit page’s height', () => {
  it('ends under a footer that fits its share, and otherwise gives the footer exactly its share', () => {
    expect(fitHeight(600, 100, 800, 1 / 3)).toEqual({ height: 700, budget: 100 });
    const full = fitHeight(600, 1000, 800, 1 / 3);
    expect(full.height).toBeCloseTo(900);
    expect(full.budget).toBeCloseTo(300);
    // A flat drawing's page is not a strip: its continuation pages would hold a citation each.
    const flat = fitHeight(100, 1000, 800, 1 / 3);
    expect(flat.budget / flat.height).toBeCloseTo(1 / 3);
    expect(flat.height).toBeGreaterThanOrEqual(600);
  });
});
