import { spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportedImage } from '../../src/app/automation';
import type { ImageOptions } from '../../src/features/export/image-options';
import { showNeighbourhood } from '../../scripts/app-views';
import { sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS, tempDir } from './chromium';
import { exportFiles } from './export-downloads';

const HEADLINE = 'Who met whom <script>alert(1)</script> and <tspan>x</tspan>';

const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

interface Pixels {
  width: number;
  height: number;
  /** Per row, how many pixels are dark (text, shapes): any channel below 128. */
  darkRows: number[];
  /** Per row, how many pixels have the footer rule's light grey. */
  ruleRows: number[];
  /** RGB at the asked points. */
  at: Array<[number, number, number]>;
}

/** Decoded by the browser (no PNG decoder in Node here), then summed per row. */
function pixelsOf(page: Page, png: Buffer, points: Array<{ x: number; y: number }> = []): Promise<Pixels> {
  return page.evaluate(
    async ({ b64, points }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(bitmap, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const darkRows = new Array<number>(height).fill(0);
      const ruleRows = new Array<number>(height).fill(0);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r < 128 || g < 128 || b < 128) darkRows[y]!++;
          if (Math.abs(r - 0xd9) < 12 && Math.abs(g - 0xde) < 12 && Math.abs(b - 0xe3) < 12) ruleRows[y]!++;
        }
      const at = points.map(({ x, y }): [number, number, number] => {
        const i = (Math.round(y) * width + Math.round(x)) * 4;
        return [data[i]!, data[i + 1]!, data[i + 2]!];
      });
      return { width, height, darkRows, ruleRows, at };
    },
    { b64: png.toString('base64'), points },
  );
}

/** The parts of a page SVG the tests read, parsed by the browser's XML parser. */
function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const rule = doc.querySelector('#page > line');
    // Laid out (hidden) in this page, so the browser can say where the graph's ink begins.
    const holder = document.createElement('div');
    holder.style.cssText = 'position:fixed;left:-5000px;top:0;visibility:hidden';
    holder.append(document.importNode(root, true));
    document.body.append(holder);
    const graphBox = (holder.querySelector('#graph') as SVGGraphicsElement | null)?.getBBox();
    const graphTop = graphBox?.y ?? NaN;
    // Each entity's centre on the page, to compare with where the store has it.
    const centres = [...holder.querySelectorAll('#nodes > g')].map((g) => {
      const box = (g.querySelector('path') as SVGGraphicsElement).getBBox();
      return { id: g.getAttribute('data-id') ?? '', x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    const nodeCentres = [...holder.querySelectorAll('#nodes > g > path:first-child')].map((shape) => {
      const box = (shape as SVGGraphicsElement).getBBox();
      // Left of the centred white icon, well inside the shape and its outline: its fill.
      return {
        fill: shape.getAttribute('fill') ?? '',
        x: box.x + box.width * 0.2,
        y: box.y + box.height / 2,
      };
    });
    holder.remove();
    const texts = [...doc.querySelectorAll('#page > text')].map((t) => t.textContent ?? '');
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: (root.getAttribute('viewBox') ?? '').split(' ').map(Number),
      ruleY: Number(rule?.getAttribute('y1')),
      graphTop,
      graphWidth: graphBox?.width ?? NaN,
      centres,
      headlineY: Number(doc.querySelector('#page > text')?.getAttribute('y')),
      texts,
      nodeIds: [...doc.querySelectorAll('#nodes > g')].map((g) => g.getAttribute('data-id')),
      edgeIds: [...doc.querySelectorAll('#edges > g')].map((g) => g.getAttribute('data-id')),
      scripts: doc.getElementsByTagName('script').length,
      tspansInPage: doc.querySelectorAll('#page tspan').length,
      transforms: [...doc.querySelectorAll('[transform]')].map((e) => e.getAttribute('transform')),
      nodeCentres,
    };
  }, svg);
}

/** A page export as one page's files: the PNG and the SVG of the same view and options. */
describe('page exports: a social card of the selection, with a headline', () => {
  const page = sharedAppPage();
  const dir = tempDir();
  const exportAs = (options: Partial<ImageOptions>) =>
    page().evaluate((o) => window.threadline!.exportImage(o), options) as Promise<ExportedImage>;
  /** Eric Trump and two of his neighbours (related to each other when some are), chosen once the view is open. */
  let THREE: string[] = [];
  const options: Partial<ImageOptions> = {
    page: 'social',
    scope: 'selection',
    texts: {
      headline: HEADLINE,
      standfirst: 'Three people, the relations among them, and what was said.',
      credit: 'Graphic: Threadline tests',
      sourceLine: '',
      date: '',
    },
  };

  beforeAll(async () => {
    await showNeighbourhood(page(), 'eric-trump');
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return [...s.view.visible].every((id) => s.positions.has(id));
    });
    await waitSettled(page());
    THREE = await page().evaluate(() => {
      const s = window.threadline!.getState();
      const all = [...s.model!.relations.values()];
      const near = [...s.view.visible].filter((id) => id !== 'eric-trump');
      const linked = (a: string, b: string) =>
        all.some((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
      const pair = near.flatMap((a) => near.filter((b) => a < b && linked(a, b)).map((b) => [a, b]))[0];
      return ['eric-trump', ...(pair ?? near.slice(0, 2))];
    });
    options.entityIds = THREE;
  });

  it('is 1200×675 pixels (the preset, not doubled), draws only the three entities and cites only the relations among them', async () => {
    const png = await exportAs({ ...options, format: 'png' });
    const bytes = Buffer.from(png.base64, 'base64');
    writeFileSync(join(ARTIFACTS, 'export-page-social.png'), bytes);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 675 });
    expect([png.width, png.height]).toEqual([1200, 675]);

    const svgFile = await exportAs({ ...options, format: 'svg' });
    const svgText = Buffer.from(svgFile.base64, 'base64').toString('utf8');
    writeFileSync(join(ARTIFACTS, 'export-page-social.svg'), svgText);
    const svg = await readSvg(page(), svgText);
    expect(svg.parseError).toBeNull();
    expect([svg.width, svg.height]).toEqual([1200, 675]);
    expect(new Set(svg.nodeIds)).toEqual(new Set(THREE));
    const among = await page().evaluate((ids) => {
      const s = window.threadline!.getState();
      const keep = new Set(ids);
      return [...s.model!.relations.values()].filter(
        (r) => keep.has(r.source) && keep.has(r.target) && s.view.visible.has(r.source),
      ).length;
    }, THREE);
    expect(among).toBeGreaterThan(0);
    // The social card's footer has no room for a quote: the evidence continues on a second page, its own file.
    expect(svgFile.more.length).toBeGreaterThan(0);
    expect(svgFile.more.map((p) => p.fileName)).toEqual(
      svgFile.more.map((_, i) => svgFile.fileName.replace(/\.svg$/, `-page${i + 2}.svg`)),
    );
    expect(png.more).toHaveLength(svgFile.more.length);
    const page2 = Buffer.from(png.more[0]!.base64, 'base64');
    writeFileSync(join(ARTIFACTS, 'export-page-social-page2.png'), page2);
    expect(pngSize(page2)).toEqual({ width: 1200, height: 675 });
    const texts = [
      svg.texts,
      ...(await Promise.all(
        svgFile.more.map(
          async (p) => (await readSvg(page(), Buffer.from(p.base64, 'base64').toString('utf8'))).texts,
        ),
      )),
    ].flat();
    const headings = texts.filter((t) => /^\[\d+\] /.test(t));
    expect(headings).toHaveLength(among);
    expect(new Set(headings.map((h) => /^\[(\d+)\]/.exec(h)![1])).size).toBe(among);
  });

  it('the headline is text, not markup: no script or tspan comes out of it, and the PNG has ink where it is', async () => {
    let dialogs = 0;
    page().on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const svgText = Buffer.from((await exportAs({ ...options, format: 'svg' })).base64, 'base64').toString(
      'utf8',
    );
    const svg = await readSvg(page(), svgText);
    expect(svg.scripts).toBe(0);
    expect(svg.tspansInPage).toBe(0);
    expect(svg.texts.join(' ')).toContain('<script>alert(1)</script>');
    expect(svg.texts.join(' ')).toContain('<tspan>x</tspan>');
    expect(dialogs).toBe(0);

    // The headline's baseline in layout units, times the page's unit, is a row of the PNG.
    const unit = svg.width / svg.viewBox[2]!;
    const png = Buffer.from((await exportAs({ ...options, format: 'png' })).base64, 'base64');
    const px = await pixelsOf(page(), png);
    const row = Math.round(svg.headlineY * unit);
    const band = px.darkRows.slice(row - Math.round(14 * unit), row + 1);
    expect(Math.max(...band)).toBeGreaterThan(40);
    // That ink is the headline's: everything of the graph is drawn below the band.
    expect(svg.graphTop * unit).toBeGreaterThan(row + 2);
  });

  it('the footer takes at most a third of the page, read from the PNG', async () => {
    const png = Buffer.from((await exportAs({ ...options, format: 'png' })).base64, 'base64');
    const px = await pixelsOf(page(), png);
    // The footer starts at its rule: the one row of light grey running across most of the page.
    const rule = px.ruleRows.findIndex((n) => n > px.width * 0.8);
    expect(rule).toBeGreaterThan(0);
    expect(px.height - rule).toBeLessThanOrEqual(px.height / 3);
    // And there is evidence under it.
    expect(px.darkRows.slice(rule + 1).some((n) => n > 20)).toBe(true);
  });

  it('the SVG has no transform a non-browser renderer mangles, and librsvg draws it as Chromium does', async () => {
    const svgText = Buffer.from((await exportAs({ ...options, format: 'svg' })).base64, 'base64').toString(
      'utf8',
    );
    const svg = await readSvg(page(), svgText);
    expect(svg.transforms).toEqual([]);
    const file = join(dir, 'page.svg');
    writeFileSync(file, svgText);
    const out = join(dir, 'page-rsvg.png');
    const run = spawnSync('rsvg-convert', ['-o', out, file], { encoding: 'utf8' });
    expect(run.error, 'rsvg-convert (apt-get install librsvg2-bin) must be installed').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const rsvg = readFileSync(out);
    expect(pngSize(rsvg)).toEqual({ width: 1200, height: 675 });
    // Chromium's own rendering of the same file, through an <img> on a blank page.
    const chromium = await page().evaluate(async (text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = 1200;
      c.height = 675;
      c.getContext('2d')!.drawImage(img, 0, 0, 1200, 675);
      URL.revokeObjectURL(url);
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    }, svgText);
    const unit = svg.width / svg.viewBox[2]!;
    const points = svg.nodeCentres.map((n) => ({ x: n.x * unit, y: n.y * unit }));
    const a = await pixelsOf(page(), rsvg, points);
    const b = await pixelsOf(page(), Buffer.from(chromium, 'base64'), points);
    // Each node's fill, the same in both and the colour the SVG gives it.
    const rgb = (colour: string) =>
      colour.startsWith('#')
        ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
        : (colour.match(/\d+/g) ?? []).map(Number);
    for (const [i, n] of svg.nodeCentres.entries())
      for (const got of [a.at[i]!, b.at[i]!])
        got.forEach((v, k) => expect(Math.abs(v - rgb(n.fill)[k]!)).toBeLessThanOrEqual(3));
    // The footer's rule on the same row, the headline's ink in the same band.
    const ruleOf = (p: Pixels) => p.ruleRows.findIndex((n) => n > p.width * 0.8);
    expect(Math.abs(ruleOf(a) - ruleOf(b))).toBeLessThanOrEqual(1);
    expect(Math.abs(ruleOf(a) - Math.round(svg.ruleY * unit))).toBeLessThanOrEqual(1);
  });
});

/** "Fit the drawing": the old export sized to the drawing, now a page with the same slots and footer rules. */
describe('"Fit the drawing" of the selection, with a headline', () => {
  const page = sharedAppPage();
  const exportAs = (options: Partial<ImageOptions>) =>
    page().evaluate((o) => window.threadline!.exportImage(o), options) as Promise<ExportedImage>;
  const options: Partial<ImageOptions> = {
    page: 'drawing',
    scope: 'selection',
    scale: 2,
    texts: {
      headline: HEADLINE,
      standfirst: '',
      credit: 'Graphic: Threadline tests',
      sourceLine: '',
      date: '',
    },
  };

  beforeAll(async () => {
    await showNeighbourhood(page(), 'eric-trump');
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return [...s.view.visible].every((id) => s.positions.has(id));
    });
    await waitSettled(page());
    // Eric Trump and every neighbour but two: a selection with a drawing and evidence of some size.
    options.entityIds = await page().evaluate(() => {
      const s = window.threadline!.getState();
      return ['eric-trump', ...[...s.view.visible].filter((id) => id !== 'eric-trump').slice(2)];
    });
  });

  it('is as wide as the drawing, which keeps its aspect; the headline is there and the footer takes at most a third', async () => {
    const png = await exportAs({ ...options, format: 'png' });
    const bytes = Buffer.from(png.base64, 'base64');
    writeFileSync(join(ARTIFACTS, 'export-fit-selection.png'), bytes);
    // The SVG of the same export has the layout in its own units (a vector file is not multiplied by the scale).
    const svgFile = await exportAs({ ...options, format: 'svg' });
    const svg = await readSvg(page(), Buffer.from(svgFile.base64, 'base64').toString('utf8'));
    expect(svg.parseError).toBeNull();
    expect(svg.transforms).toEqual([]);
    expect(svg.scripts).toBe(0);
    expect(svg.tspansInPage).toBe(0);
    expect(new Set(svg.nodeIds)).toEqual(new Set(options.entityIds));

    // Twice the layout's size, as the 2× scale asks.
    const [w, h] = [svg.viewBox[2]!, svg.viewBox[3]!];
    expect(pngSize(bytes)).toEqual({ width: Math.round(w * 2), height: Math.round(h * 2) });
    expect([png.width, png.height]).toEqual([Math.round(w * 2), Math.round(h * 2)]);
    expect(png.scale).toBe(2);

    // The drawing keeps the view's aspect: one scale across and down from where the store has the entities...
    const positions = await page().evaluate((ids) => {
      const s = window.threadline!.getState();
      return ids.map((id) => ({ id, ...s.positions.get(id)! }));
    }, options.entityIds!);
    const spread = (vs: number[]) => Math.max(...vs) - Math.min(...vs);
    const byId = new Map(svg.centres.map((c) => [c.id, c]));
    const across = spread(svg.centres.map((c) => c.x)) / spread(positions.map((p) => p.x));
    const down = spread(svg.centres.map((c) => c.y)) / spread(positions.map((p) => p.y));
    expect(Math.abs(across / down - 1)).toBeLessThan(0.01);
    for (const p of positions) expect(byId.has(p.id)).toBe(true);
    // ...and fills the page's width inside its margins: the page is as wide as the drawing.
    expect(svg.graphWidth).toBeGreaterThan((w - 40) * 0.85);
    expect(svg.graphWidth).toBeLessThanOrEqual(w - 40 + 1);

    const px = await pixelsOf(page(), bytes);
    // The headline's ink, where the SVG puts its baseline, above the graph.
    const row = Math.round(svg.headlineY * 2);
    expect(Math.max(...px.darkRows.slice(row - 28, row + 1))).toBeGreaterThan(40);
    expect(svg.graphTop * 2).toBeGreaterThan(row + 2);
    // Typed markup is printed as text (wrapped over lines when the page is narrow).
    expect(svg.texts[0]).toMatch(/^Who met whom/);
    expect(svg.texts.join(' ')).toContain('<script>alert(1)</script>');
    // The footer from its rule down: at most a third of the image, with evidence in it.
    const rule = px.ruleRows.findIndex((n) => n > px.width * 0.8);
    expect(rule).toBeGreaterThan(row);
    expect(px.height - rule).toBeLessThanOrEqual(px.height / 3);
    expect(px.darkRows.slice(rule + 1).some((n) => n > 20)).toBe(true);
    const texts = [
      ...svg.texts,
      ...(
        await Promise.all(
          svgFile.more.map(
            async (p) => (await readSvg(page(), Buffer.from(p.base64, 'base64').toString('utf8'))).texts,
          ),
        )
      ).flat(),
    ];
    expect(texts.some((t) => /^\[1\] /.test(t))).toBe(true);
    expect(texts.filter((t) => t === 'Sources')).toHaveLength(1);
  });

  it('a dense view: the whole neighbourhood drawn at 1×, its evidence continued on pages of the same size', async () => {
    const png = await exportAs({ ...options, scope: 'view', scale: 1, format: 'png' });
    const bytes = Buffer.from(png.base64, 'base64');
    writeFileSync(join(ARTIFACTS, 'export-fit-view.png'), bytes);
    const px = await pixelsOf(page(), bytes);
    const rule = px.ruleRows.findIndex((n) => n > px.width * 0.8);
    expect(rule).toBeGreaterThan(0);
    expect(px.height - rule).toBeLessThanOrEqual(px.height / 3);
    expect(png.more.length).toBeGreaterThan(0);
    for (const [i, more] of png.more.entries()) {
      const next = Buffer.from(more.base64, 'base64');
      writeFileSync(join(ARTIFACTS, `export-fit-view-page${i + 2}.png`), next);
      expect(pngSize(next)).toEqual(pngSize(bytes));
    }
  });
});

describe('page exports from the Export menu', () => {
  const page = sharedAppPage();
  const dir = tempDir();
  const menu = () => page().getByRole('dialog', { name: 'Export' });
  async function openMenu(): Promise<void> {
    if (!(await menu().isVisible()))
      await page().getByRole('button', { name: 'Export', exact: true }).click();
  }

  it('an empty selection is refused with a sentence saying how to select, and nothing is downloaded', async () => {
    let downloads = 0;
    page().on('download', () => downloads++);
    await openMenu();
    await menu().getByRole('radio', { name: 'Selection' }).check();
    await menu().getByRole('button', { name: 'PNG', exact: true }).click();
    await expect
      .poll(() => menu().getByRole('status').textContent())
      .toMatch(/^Nothing is selected: Shift-click entities/);
    expect(downloads).toBe(0);
    await menu().getByRole('radio', { name: 'Whole view' }).check();
  });

  it('a social card of the whole view needs many pages: they come as one zip, every page 1200×675', async () => {
    await openMenu();
    await menu().getByLabel('Size').selectOption('social');
    await menu().getByLabel('Headline').fill('The Trump–Russia web <b>in one card</b>');
    const [file] = await Promise.all([
      page().waitForEvent('download'),
      menu().getByRole('button', { name: 'PNG', exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/-pages\.zip$/);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    const pages = unzipSync(readFileSync(path));
    const names = Object.keys(pages);
    expect(names.length).toBeGreaterThan(4);
    expect(names.slice(1)).toEqual(
      names.slice(1).map((_, i) => names[0]!.replace(/\.png$/, `-page${i + 2}.png`)),
    );
    for (const bytes of Object.values(pages))
      expect(pngSize(Buffer.from(bytes))).toEqual({ width: 1200, height: 675 });
    await expect.poll(() => menu().getByRole('status').textContent()).toContain(`${names.length} pages`);
  });

  it('an A4 page of the whole view downloads its further pages too, each 2480×3508', async () => {
    // Eric Trump's neighbourhood: evidence for a second page, not for a dozen.
    await showNeighbourhood(page(), 'eric-trump');
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return [...s.view.visible].every((id) => s.positions.has(id));
    });
    await waitSettled(page());
    await openMenu();
    await menu().getByLabel('Size').selectOption('a4-portrait');
    await menu().getByLabel('Headline').fill('The Trump–Russia web <b>in one card</b>');
    await menu().getByLabel('Credit').fill('Graphic: the desk');
    await page().screenshot({ path: join(ARTIFACTS, 'export-menu-page.png') });
    // "Saved x.png and x-page2.png, x-page3.png (1200×675 px)": every file it names is downloaded.
    const files = await exportFiles(page(), menu(), 'PNG', dir);
    const named = files.map((f) => f.name);
    expect(named.length).toBeGreaterThan(1);
    expect(named.slice(1)).toEqual(
      named.slice(1).map((_, i) => named[0]!.replace(/\.png$/, `-page${i + 2}.png`)),
    );
    for (const f of files) expect(pngSize(f.bytes)).toEqual({ width: 2480, height: 3508 });
    writeFileSync(join(ARTIFACTS, 'export-menu-a4.png'), files[0]!.bytes);
  });

  it('the highlighted path is exported alone: its entities, not the rest of the view', async () => {
    const path = await page().evaluate(() => {
      const t = window.threadline!;
      const s = t.getState();
      const r = [...s.model!.relations.values()].find(
        (x) => s.view.visible.has(x.source) && s.view.visible.has(x.target) && x.source !== x.target,
      )!;
      t.actions.highlightPath({ entityIds: [r.source, r.target], relationIds: [r.id] });
      return { entityIds: [r.source, r.target], visible: s.view.visible.size };
    });
    expect(path.visible).toBeGreaterThan(2);
    const svg = await page().evaluate(() =>
      window.threadline!.exportImage({ format: 'svg', page: 'square', scope: 'path' }),
    );
    const text = Buffer.from(svg.base64, 'base64').toString('utf8');
    const ids = [...text.matchAll(/<g id="entity_[^"]*" class="node[^"]*" data-id="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(ids)).toEqual(new Set(path.entityIds));
    expect([svg.width, svg.height]).toEqual([1080, 1080]);
  });
});
