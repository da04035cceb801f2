import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAppPage, waitSettled } from './app-page';
import { ARTIFACTS } from './chromium';

/** "rgb(25,113,194)" or "#1971c2" as "#1971c2", so colours from the canvas, the legend and the SVG compare. */
const hex = (colour: string): string => {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour.trim());
  if (!rgb) return colour.trim().toLowerCase();
  return `#${rgb
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
};

/** Colour by community: the legend explains the colours, and the canvas and the exported image agree with it. */
describe('community colours', () => {
  const page = sharedAppPage();

  it('the legend lists the communities drawn, in the colours of the canvas and the exported SVG', async () => {
    await page().getByRole('button', { name: 'Filters', exact: true }).click();
    await page()
      .getByRole('group', { name: 'Node colour' })
      .getByRole('button', { name: 'Community' })
      .click();
    const rows = page().getByTestId('legend-communities').locator('li');
    await rows.first().waitFor();
    await waitSettled(page());
    await page().screenshot({ path: join(ARTIFACTS, 'community-legend.png') });

    const legend = await rows.evaluateAll((lis) =>
      lis.map((li) => ({
        colour: li.getAttribute('data-colour') ?? '',
        label: li.textContent ?? '',
        count: Number(li.querySelector('.count')?.textContent),
      })),
    );
    expect(legend[0]!.label).toMatch(/^Community 1 \(.+\)/);
    const canvas = await page().evaluate(() =>
      window
        .threadline!.cy!.nodes('[kind = "entity"]')
        .map((n) => [n.id(), n.style('background-color') as string]),
    );
    // Each legend row stands for exactly as many nodes as the canvas paints in its colour.
    const painted = new Map<string, number>();
    for (const [, colour] of canvas) painted.set(hex(colour!), (painted.get(hex(colour!)) ?? 0) + 1);
    expect(new Map(legend.map((r) => [hex(r.colour), r.count]))).toEqual(painted);

    const svg = await page().evaluate(async () => {
      const file = await window.threadline!.exportImage({ format: 'svg', legend: true, citations: false });
      const doc = new DOMParser().parseFromString(
        new TextDecoder().decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))),
        'image/svg+xml',
      );
      return {
        nodes: [...doc.querySelectorAll('g.node.entity')].map((g) => [
          g.getAttribute('data-id') ?? '',
          g.querySelector('path')?.getAttribute('fill') ?? '',
        ]),
        legendFills: [...doc.querySelectorAll('#page path')].map((p) => p.getAttribute('fill') ?? ''),
        texts: [...doc.querySelectorAll('#page text')].map((t) => t.textContent ?? ''),
      };
    });
    expect(new Map(svg.nodes.map(([id, fill]) => [id, hex(fill!)]))).toEqual(
      new Map(canvas.map(([id, colour]) => [id, hex(colour!)])),
    );
    for (const row of legend) {
      expect(svg.legendFills.map(hex)).toContain(hex(row.colour));
      expect(svg.texts).toContain(row.label.replace(/\s*\d+$/, ''));
    }
  });

  it('dragging a node moves it and redraws nothing else', async () => {
    await page().evaluate(() => window.threadline!.actions.selectEntity('donald-trump'));
    await waitSettled(page());
    const id = 'vladimir-putin';
    const from = (await page().evaluate((i) => window.threadline!.pagePosition(i), id))!;
    const before = await page().evaluate((i) => {
      const cy = window.threadline!.cy!;
      const w = window as unknown as { redraws: string[] };
      w.redraws = [];
      cy.on('add remove data class', (e) => {
        w.redraws.push(`${e.type} ${e.target === cy ? 'core' : (e.target as { id(): string }).id()}`);
      });
      return { ...window.threadline!.getState().positions.get(i)! };
    }, id);
    await page().mouse.move(from.x, from.y);
    await page().mouse.down();
    await page().mouse.move(from.x + 40, from.y + 30, { steps: 5 });
    await page().mouse.up();
    await waitSettled(page());
    const after = await page().evaluate((i) => {
      const cy = window.threadline!.cy!;
      cy.removeListener('add remove data class');
      return {
        position: window.threadline!.getState().positions.get(i)!,
        redraws: (window as unknown as { redraws: string[] }).redraws,
        selected: cy.$('.is-selected').map((n) => n.id()),
      };
    }, id);
    expect(Math.hypot(after.position.x - before.x, after.position.y - before.y)).toBeGreaterThan(10);
    expect(after.redraws).toEqual([]);
    expect(after.selected).toEqual(['donald-trump']);
  });
});
