import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBundleText } from '../../src/model/format/validate-bundle';
import { exportFiles } from './export-downloads';
import { drawnEntityIds, drawnRelationIds, sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS, tempDir } from './chromium';
import { showNeighbourhood } from '../../scripts/app-views';

/** Real downloads from the Export menu, each checked by reading the file back. */
describe('exporting the view from the Export menu', () => {
  const page = sharedAppPage();
  const dir = tempDir();

  const menu = () => page().getByRole('dialog', { name: 'Export' });
  async function openMenu(): Promise<void> {
    if (!(await menu().isVisible()))
      await page().getByRole('button', { name: 'Export', exact: true }).click();
  }
  async function download(
    button: string,
  ): Promise<{ path: string; name: string; bytes: Buffer; files: number }> {
    await openMenu();
    const files = await exportFiles(page(), menu(), button, dir);
    return { ...files[0]!, files: files.length };
  }
  const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
  /** Share of pixels that are neither white nor transparent, read back through the browser's decoder. */
  const ink = (b: Buffer) =>
    page().evaluate(async (b64) => {
      // Decoded from bytes, not fetched from a data: URL, which the page's connect-src refuses.
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked++;
      return inked / (data.length / 4);
    }, b.toString('base64'));
  const visible = (p: Page) =>
    p.evaluate(() => {
      const s = window.threadline!.getState();
      const cy = window.threadline!.cy!;
      return {
        names: cy.nodes('[kind = "entity"]').map((n) => s.model!.entities.get(n.id())!.name),
        nodes: cy.nodes('[kind = "entity"]').length,
        // Edges drawn: a relation's own, or one for a pair's several relations.
        edges: cy.edges('[kind = "relation"], [kind = "bundle"]').length,
      };
    });

  // Exports are named after the selected entity: Eric Trump, for every file below.
  beforeAll(async () => {
    await page().evaluate(() => window.threadline!.actions.selectEntity('eric-trump'));
    await openMenu();
    await page().screenshot({ path: join(ARTIFACTS, 'export-menu.png') });
  });

  it('an image export leaves the canvas on screen as it was: zoom, pan, emphasis and labels, not even changed and put back', async () => {
    const read = () =>
      page().evaluate(() => {
        const cy = window.threadline!.cy!;
        return {
          zoom: cy.zoom(),
          pan: cy.pan(),
          elements: cy
            .elements()
            .map((e) => `${e.id()} [${e.classes().join(' ')}] ${String(e.style('label'))}`),
        };
      });
    await page().evaluate(() => window.threadline!.actions.selectEntity('eric-trump'));
    await waitSettled(page());
    const before = await read();
    // The selection fades the rest and the opening view is framed, so the export look differs from the screen.
    expect(before.elements.some((e) => e.includes('is-faded'))).toBe(true);
    expect(before.zoom).not.toBe(1);
    const changes = await page().evaluate(async () => {
      const t = window.threadline!;
      const cy = t.cy!;
      const seen = new Set<string>();
      const note = (e: { type: string; target: unknown }) =>
        seen.add(`${e.type} of ${e.target === cy ? 'the canvas' : (e.target as { id(): string }).id()}`);
      cy.on('viewport class style data', note);
      try {
        await t.exportImage({ format: 'png', scale: 1 });
        await t.exportImage({ format: 'svg' });
      } finally {
        cy.off('viewport class style data', note);
      }
      return [...seen].slice(0, 5);
    });
    expect(changes).toEqual([]);
    expect(await read()).toEqual(before);
  });

  it('PNG: 2× is twice 1×, the file is what the menu reports, and it is not blank', async () => {
    await openMenu();
    await menu().getByRole('checkbox', { name: 'Legend' }).uncheck();
    await menu().getByRole('checkbox', { name: 'Numbered citations' }).uncheck();
    await menu().getByRole('radio', { name: '1×' }).check();
    const one = await download('PNG');
    expect(one.name).toBe('trump-putin--eric-trump.png');
    const size1 = pngSize(one.bytes);
    await expect(menu().getByRole('status').textContent()).resolves.toContain(
      `${size1.width}×${size1.height} px`,
    );
    // The whole drawing (not the viewport) plus a 20 px margin each side and the source line, at 1 px per unit.
    const bb = await page().evaluate(() => window.threadline!.cy!.elements().boundingBox());
    expect(Math.abs(size1.width - (bb.w + 40))).toBeLessThan(60);
    expect(Math.abs(size1.height - (bb.h + 60))).toBeLessThan(60);
    await menu().getByRole('radio', { name: '2×' }).check();
    const size2 = pngSize((await download('PNG')).bytes);
    expect(Math.abs(size2.width - 2 * size1.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(size2.height - 2 * size1.height)).toBeLessThanOrEqual(2);
    expect(await ink(one.bytes)).toBeGreaterThan(0.02);
  });

  it('PNG with legend and numbered citations carries the evidence', async () => {
    // A small, readable view: Eric Trump and his neighbours.
    await showNeighbourhood(page(), 'eric-trump');
    await page().waitForFunction(() => {
      const s = window.threadline!.getState();
      return [...s.view.visible].every((id) => s.positions.has(id));
    });
    await openMenu();
    await menu().getByRole('checkbox', { name: 'Legend' }).check();
    await menu().getByRole('checkbox', { name: 'Numbered citations' }).check();
    const file = await download('PNG');
    const size = pngSize(file.bytes);
    const bb = await page().evaluate(() => window.threadline!.cy!.elements().boundingBox());
    // The footer adds height below the graph, a third of the image at most; the numbers are on the edges and
    // listed there, continuing on further pages of the same size.
    expect(size.height).toBeGreaterThan(bb.h + 150);
    expect(file.files).toBeGreaterThan(1);
    expect(await ink(file.bytes)).toBeGreaterThan(0.02);
  });

  it('SVG parses as XML, groups elements by id and keeps names as text', async () => {
    const file = await download('SVG');
    expect(file.name).toBe('trump-putin--eric-trump.svg');
    const svg = file.bytes.toString('utf8');
    const parsed = await page().evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        nodes: doc.querySelectorAll('g.node.entity').length,
        edges: doc.querySelectorAll('g.edge.relation, g.edge.bundle').length,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    const shown = await visible(page());
    expect(parsed.nodes).toBe(shown.nodes);
    expect(parsed.edges).toBe(shown.edges);
    const text = parsed.texts.join(' ').replace(/\s+/g, ' ');
    for (const name of shown.names) for (const word of name.split(' ')) expect(text).toContain(word);
    expect(svg).toContain('<g id="entity_eric-trump"');
    expect(text).toMatch(/\[1\] /);
  });

  it('GraphML and GEXF read back with graphology: same nodes, edges and attributes', async () => {
    const shown = await visible(page());
    const g1 = graphml.parse(Graph, (await download('GraphML')).bytes.toString('utf8'));
    const g2 = gexf.parse(Graph, (await download('GEXF')).bytes.toString('utf8'));
    for (const g of [g1, g2]) {
      expect(g.order).toBe(shown.nodes);
      expect(g.size).toBe((await drawnRelationIds(page())).length);
      expect(g.getNodeAttribute('eric-trump', 'entity_type')).toBe('person');
      expect(g.getNodeAttribute('eric-trump', 'label')).toBe('Eric Trump');
      const edge = g.edges().find((e) => g.source(e) === 'eric-trump' && g.target(e) === 'russia')!;
      expect(g.getEdgeAttribute(edge, 'status')).toMatch(/^(fact|reported|claim|allegation|denial|opinion)$/);
      expect(String(g.getEdgeAttribute(edge, 'quotes'))).toMatch(/Russia/);
    }
  });

  it('CSV: one zip with nodes.csv, edges.csv, claims.csv and sources.csv, their columns and quoted quotes', async () => {
    const file = await download('CSV (.zip)');
    expect(file.name).toBe('trump-putin--eric-trump-csv.zip');
    const files = unzipSync(new Uint8Array(file.bytes));
    const nodes = strFromU8(files['nodes.csv']!);
    const edges = strFromU8(files['edges.csv']!);
    expect(nodes.split('\r\n')[0]).toBe(
      'id,label,entity_type,entity_type_label,base_type,role,description,aliases,date,date_start,date_end,x,y',
    );
    expect(edges.split('\r\n')[0]).toMatch(
      /^id,source,target,source_label,target_label,label,relation_type,status,/,
    );
    expect(edges.split('\r\n')[0]).toContain(
      ',sources,source_ids,source_statuses,quote_ids,quotes,quote_statuses,asserted_by,speakers,',
    );
    // Quotes hold commas and quotation marks, so they are quoted with doubled inner quotes.
    expect(edges).toMatch(/,"[^"]*“[^"]*,[^"]*",/);
    expect(strFromU8(files['claims.csv']!).split('\r\n')[0]).toBe(
      'relation_id,citation,relation,claim,source,source_id,source_number,status,asserted_by,quote,quote_id,speakers,answers',
    );
    const sources = strFromU8(files['sources.csv']!).split('\r\n').filter(Boolean);
    // Each source cited, once.
    expect(sources[0]).toBe('number,id,title,author,publisher,date,url');
    const ids = sources.slice(1).map((row) => row.split(',')[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);

    // The status names the file as a link that saves it again, for a browser that held the download back.
    await menu().screenshot({ path: join(ARTIFACTS, 'export-menu-saved.png') });
    const [again] = await Promise.all([
      page().waitForEvent('download'),
      menu().getByRole('status').getByRole('link', { name: file.name, exact: true }).click(),
    ]);
    expect(again.suggestedFilename()).toBe(file.name);
    const path = join(dir, `again-${file.name}`);
    await again.saveAs(path);
    expect(readFileSync(path).equals(file.bytes)).toBe(true);
  });

  it('the bundle of the view passes the validator and opens in the app', async () => {
    const file = await download('Bundle (.json)');
    expect(file.name).toBe('trump-putin--eric-trump.json');
    const checked = validateBundleText(file.bytes.toString('utf8'), file.name);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const bundle = checked.bundle!;
    expect(bundle.relations.length).toBe((await drawnRelationIds(page())).length);
    await page().getByTestId('open-bundle-input').setInputFiles(file.path);
    await page().waitForFunction(
      (n) => window.threadline!.getState().model!.entities.size === n,
      bundle.entities.length,
    );
    await page().waitForFunction(() => window.threadline!.getState().positions.size > 0);
    await expect(page().locator('.notice').last().textContent()).resolves.toContain('Opened');
  });

  it('a broken file dropped on the window lists its problems and leaves the view as it was', async () => {
    const before = (await drawnEntityIds(page())).sort();
    const bad = join(dir, 'broken.json');
    writeFileSync(
      bad,
      '{\n  "format": "threadline-bundle",\n  "version": 1,\n  "dataset": { "id": "Bad Id" }\n}\n',
    );
    // Dropped onto the window this time, as a user dragging the file from their desktop would.
    await page().evaluate(
      (text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'broken.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
      },
      readFileSync(bad, 'utf8'),
    );
    const dialog = page().getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.locator('h2').textContent()).resolves.toContain('broken.json could not be opened');
    await expect(dialog.locator('li code').first().textContent()).resolves.toMatch(
      /^broken\.json:\d+ \/\S*: \S+: /,
    );
    expect((await drawnEntityIds(page())).sort()).toEqual(before);
    await page().screenshot({ path: join(ARTIFACTS, 'open-problems.png') });
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await expect(dialog.count()).resolves.toBe(0);
  });
});
