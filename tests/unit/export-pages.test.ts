import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation, SourceCitation } from '../../src/model/export/citations';
import {
  checkPageTexts,
  composePages,
  FOOTER_SHARE,
  NO_PAGE_TEXTS,
  PAGE_PRESET_IDS,
  PAGE_PRESETS,
  type PageInput,
} from '../../src/model/export/page';
import { placeLabels } from '../../src/model/export/page-labels';
import { toPageSVG } from '../../src/model/export/page-svg';
import { MAX_ENLARGEMENT, placeScene } from '../../src/model/export/place-scene';
import { approxMeasure, type DrawOp, type Scene } from '../../src/model/export/scene';
import { scopeSubgraph } from '../../src/model/export/scope';
import type { RelationRecord } from '../../src/model/format/schema';
import { assertWellFormed } from './export-wellformed';

const SOURCES: SourceCitation[] = [1, 2, 3].map((n) => ({
  number: n,
  label: `S${n}`,
  text: `Source number ${n}. Some Publisher. 2019`,
}));

/** n citations, each with a quote of a few lines, citing sources in turn. */
const citations = (n: number): Citation[] =>
  Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    relationId: `r${i + 1}`,
    heading: `${i % 2 ? 'Alleged: ' : ''}Person ${i} met Person ${i + 1}`,
    detail: '',
    voices: 'Stated as fact by the report',
    quotes: [
      {
        text: `“Person ${i} met Person ${i + 1} in a hotel, the report says, twice in one week.”`,
        attribution: `— Fact · S${(i % 3) + 1}`,
      },
    ],
    sourceNumbers: [(i % 3) + 1],
  }));

const input = (over: Partial<PageInput> = {}): PageInput => ({
  page: 'social',
  texts: { ...NO_PAGE_TEXTS, headline: 'A headline' },
  legend: null,
  citations: citations(2),
  sources: SOURCES.slice(0, 2),
  defaultSourceLine: 'The dataset',
  defaultDate: '2026-12-06',
  link: 'https://example.org/?dataset=x#v=1',
  overflow: 'continue',
  measure: approxMeasure,
  ...over,
});

const texts = (ops: DrawOp[]) => ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
const headings = (ops: DrawOp[]) =>
  texts(ops).flatMap((t) => {
    const m = /^\[(\d+)\] /.exec(t);
    return m ? [Number(m[1])] : [];
  });

describe('page presets', () => {
  it('are the sizes a newsroom asks for, A4 at 300 dpi', () => {
    const px = PAGE_PRESET_IDS.map((id) => [id, PAGE_PRESETS[id].width, PAGE_PRESETS[id].height]);
    expect(px).toEqual([
      ['social', 1200, 675],
      ['square', 1080, 1080],
      ['a4-portrait', 2480, 3508],
      ['a4-landscape', 3508, 2480],
    ]);
  });

  for (const preset of PAGE_PRESET_IDS)
    it(`${preset}: the footer takes at most a third of the page, and every citation is printed once over the pages`, () => {
      const many = citations(60);
      const { pages, shown, total } = composePages(
        input({ page: preset, citations: many, sources: SOURCES }),
      );
      const first = pages[0]!;
      expect(first.height - first.footerTop).toBeLessThanOrEqual(first.height * FOOTER_SHARE + 0.001);
      // Nothing of the footer is drawn above its rule.
      for (const op of first.ops)
        if (op.op === 'text' && op.size < 20) expect(op.y).toBeGreaterThan(first.footerTop);
      expect(first.graph!.y + first.graph!.height).toBeLessThanOrEqual(first.footerTop);
      expect(pages.length).toBeGreaterThan(1);
      const all = pages.flatMap((p) => headings(p.ops));
      expect(all.sort((a, b) => a - b)).toEqual(many.map((c) => c.number));
      expect(total).toBe(60);
      expect(shown).toBeLessThan(60);
      // Each source listed once, somewhere.
      const sourceLines = pages.flatMap((p) => texts(p.ops)).filter((t) => /^S\d /.test(t));
      expect(sourceLines.map((t) => t.split(' ')[0])).toEqual(['S1', 'S2', 'S3']);
    });

  it('a view whose evidence fits is one page, with its citations and sources under the graph', () => {
    const { pages, shown } = composePages(input({ page: 'a4-portrait' }));
    expect(pages).toHaveLength(1);
    expect(shown).toBe(2);
    expect(headings(pages[0]!.ops)).toEqual([1, 2]);
    expect(texts(pages[0]!.ops)).toContain('Source: The dataset · 2026-12-06');
  });

  it('shortened: one page, "… and N more in the full list" with the view\'s link, and only the sources still cited', () => {
    const { pages, shown, total } = composePages(
      input({ page: 'square', citations: citations(40), sources: SOURCES, overflow: 'shorten' }),
    );
    expect(pages).toHaveLength(1);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    const words = texts(pages[0]!.ops);
    expect(words).toContain(`… and ${total - shown} more in the full list: open this view at`);
    expect(words).toContain('https://example.org/?dataset=x#v=1');
    expect(headings(pages[0]!.ops)).toEqual(Array.from({ length: shown }, (_, i) => i + 1));
    const cited = new Set(citations(shown).flatMap((c) => c.sourceNumbers.map((n) => `S${n}`)));
    expect(words.filter((t) => /^S\d /.test(t)).map((t) => t.split(' ')[0])).toEqual([...cited].sort());
    const page = pages[0]!;
    expect(page.height - page.footerTop).toBeLessThanOrEqual(page.height * FOOTER_SHARE + 0.001);
  });

  it('a link too long to print is no use: the evidence continues on a page 2 instead', () => {
    const link = `https://example.org/#${'v'.repeat(1500)}`;
    const { pages } = composePages(input({ citations: citations(30), overflow: 'shorten', link }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => texts(p.ops)).some((t) => t.includes('vvvv'))).toBe(false);
  });

  it('says when nothing is drawn', () => {
    const { pages } = composePages(input({ citations: [], sources: [] }));
    expect(texts(pages[0]!.ops)).toContain('No relations are drawn.');
  });

  it('typed texts past their limits get one located sentence each', () => {
    expect(checkPageTexts({ ...NO_PAGE_TEXTS, headline: 'x'.repeat(150), credit: 'fine' })).toEqual([
      'Headline: at most 140 characters (this one has 150).',
    ]);
    expect(checkPageTexts({ ...NO_PAGE_TEXTS, headline: '<script>alert(1)</script>' })).toEqual([]);
  });
});

/** Three nodes in a row, so close that their names below them would collide. */
function crowded(): Scene {
  const node = (id: string, x: number, y: number) => ({
    id,
    kind: 'entity' as const,
    type: 'person',
    x,
    y,
    width: 30,
    height: 30,
    shape: 'ellipse',
    fill: '#3b6fd8',
    stroke: '#ffffff',
    strokeWidth: 1.5,
    label: `A rather long name for ${id}`,
    fontSize: 11,
    labelColor: '#1f2933',
    labelMaxWidth: 110,
    // Icons were placed with translate() and scale(): the page SVG must do without.
    icon: 'M12 12a4 4 0 1 0 0-8z',
  });
  return {
    bounds: { x1: -20, y1: -20, x2: 140, y2: 80 },
    nodes: [node('a', 0, 0), node('b', 40, 0), node('c', 80, 0), node('d', 120, 60)],
    edges: [
      {
        id: 'a-d',
        kind: 'relation',
        source: 'a',
        target: 'd',
        points: [
          { x: 0, y: 0 },
          { x: 120, y: 60 },
        ],
        color: '#343a40',
        width: 1.6,
        arrow: true,
        label: '[1] met with in a long label',
        fontSize: 9,
        labelColor: '#52606d',
        status: 'fact',
      },
    ],
  };
}

describe('labels on a page', () => {
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('never overlap each other or a node, whatever is crowded; what finds no room is named', () => {
    const scene = crowded();
    const area = { x: -200, y: -200, width: 600, height: 500 };
    const { boxes, dropped } = placeLabels(scene, area, approxMeasure);
    expect(boxes.length + dropped.length).toBe(5);
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const n of scene.nodes)
        expect(overlap(a, { x: n.x - 15, y: n.y - 15, width: 30, height: 30 })).toBe(false);
    }
  });

  it("stay inside the graph's area, leaving a label out rather than drawing it over the headline", () => {
    const scene = crowded();
    const area = { x: -20, y: -20, width: 160, height: 100 };
    const { boxes } = placeLabels(scene, area, approxMeasure);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(area.x);
      expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
    }
  });

  it("a relation's label short of room keeps its citation number", () => {
    // A nameless node sits on the middle of the edge: the whole label fits nowhere along it, "[1]" does.
    const base = crowded();
    const n = (id: string, x: number, y: number) => ({ ...base.nodes[0]!, id, x, y, label: '' });
    const edge = {
      ...base.edges[0]!,
      points: [
        { x: 0, y: 0 },
        { x: 200, y: 0 },
      ],
    };
    const scene: Scene = {
      bounds: base.bounds,
      nodes: [n('a', 0, 0), n('d', 200, 0), n('x', 100, 12)],
      edges: [edge],
    };
    const { ops, dropped } = placeLabels(scene, { x: -50, y: -50, width: 300, height: 100 }, approxMeasure);
    expect(dropped).toEqual([]);
    expect(texts(ops)).toEqual(['[1]']);
  });
});

describe('fitting the drawing into the page', () => {
  it('keeps its aspect, stays in the box, and enlarges a small view at most twice', () => {
    const scene = crowded();
    const big = placeScene(scene, { x: 10, y: 20, width: 800, height: 200 });
    expect(big.scale).toBe(MAX_ENLARGEMENT);
    const small = placeScene(scene, { x: 10, y: 20, width: 80, height: 200 });
    expect(small.scale).toBeCloseTo(0.5);
    expect(small.rect.width).toBeCloseTo(80);
    expect(small.rect.height).toBeCloseTo(50);
    expect(small.scene.nodes[0]!.x).toBeCloseTo(10 + 20 * 0.5);
    expect(small.scene.nodes[0]!.width).toBeCloseTo(15);
  });
});

describe('page SVG', () => {
  const layout = composePages(
    input({ texts: { ...NO_PAGE_TEXTS, headline: 'Met <script>alert(1)</script> <tspan>x</tspan> & co' } }),
  );
  const placed = placeScene(crowded(), layout.pages[0]!.graph!);
  const labels = placeLabels(placed.scene, layout.pages[0]!.graph!, approxMeasure).ops;
  const svg = toPageSVG({
    page: layout.pages[0]!,
    scene: placed.scene,
    labels,
    background: '#ffffff',
    title: 'Met <script>',
  });

  it("is well-formed, the headline's markup escaped as text", () => {
    const names = assertWellFormed(svg);
    expect(names).not.toContain('script');
    expect(svg).toContain('Met &lt;script&gt;alert(1)&lt;/script&gt; &lt;tspan&gt;x&lt;/tspan&gt; &amp; co');
    expect(svg).not.toMatch(/<tspan>x/);
  });

  it('has no transform attribute, its pixel size outside and its layout size in the viewBox', () => {
    expect(svg).not.toContain('transform');
    expect(svg).toMatch(/<svg [^>]*width="1200" height="675" viewBox="0 0 800 450"/);
  });

  it('librsvg (not a browser) renders it at its pixel size, 1200×675', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-page-'));
    writeFileSync(join(dir, 'page.svg'), svg);
    const run = spawnSync('rsvg-convert', ['-o', join(dir, 'page.png'), join(dir, 'page.svg')], {
      encoding: 'utf8',
    });
    expect(run.error, 'rsvg-convert (apt-get install librsvg2-bin) must be installed').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const png = readFileSync(join(dir, 'page.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 675]);
  });
});

describe('export scope', () => {
  const rel = (id: string, source: string, target: string) => ({ id, source, target }) as RelationRecord;
  const drawn = {
    entityIds: ['a', 'b', 'c', 'd'],
    relations: [rel('ab', 'a', 'b'), rel('bc', 'b', 'c'), rel('cd', 'c', 'd'), rel('ad', 'a', 'd')],
  };

  it('the selection is the marked entities that are drawn and the relations among them', () => {
    const got = scopeSubgraph(drawn, 'selection', new Set(['a', 'b', 'c', 'hidden']), null);
    expect(got.ok && got.subgraph.entityIds).toEqual(['a', 'b', 'c']);
    expect(got.ok && got.subgraph.relations.map((r) => r.id)).toEqual(['ab', 'bc']);
  });

  it('an empty selection is refused with a sentence saying how to select', () => {
    const got = scopeSubgraph(drawn, 'selection', new Set(), null);
    expect(got).toEqual({ ok: false, reason: expect.stringMatching(/^Nothing is selected: Shift-click/) });
  });

  it('the highlighted path is its entities and its own relations, not every relation between them', () => {
    const got = scopeSubgraph(drawn, 'path', new Set(), {
      entityIds: ['a', 'b', 'd'],
      relationIds: ['ab', 'ad'],
    });
    expect(got.ok && got.subgraph.relations.map((r) => r.id)).toEqual(['ab', 'ad']);
    expect(scopeSubgraph(drawn, 'path', new Set(), null)).toMatchObject({ ok: false });
  });
});
