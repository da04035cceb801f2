import { describe, expect, it } from 'vitest';
import { separateBoxes, type Box } from '../../src/graph-view/separate-boxes';
import { layoutBoxes } from '../../src/graph-view/layout-core';
import type { LayoutNode } from '../../src/graph-view/layout-protocol';

/** A repeatable stream of numbers for generating cases (not the code under test's own). */
function cases(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const overlaps = (a: Box, b: Box) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

function placed(boxes: readonly Box[], at: ReadonlyMap<string, { x: number; y: number }>): Box[] {
  return boxes.map((b) => ({ ...b, ...at.get(b.id)! }));
}

describe('placing new nodes apart from the others', () => {
  it('never leaves a new node over an existing node, or over another new one (300 random views)', () => {
    const next = cases(7);
    for (let run = 0; run < 300; run++) {
      const box = (id: string): Box => ({
        id,
        // Crowded on purpose: many boxes in a small area, some on exactly the same point.
        x: Math.round(next() * 8) * 40,
        y: Math.round(next() * 6) * 40,
        width: 20 + next() * 160,
        height: 20 + next() * 50,
      });
      const fixed = Array.from({ length: 1 + Math.floor(next() * 20) }, (_, i) => box(`f${i}`));
      // Existing nodes may overlap each other (a user can drag one onto another): they are never moved.
      const moving = Array.from({ length: 1 + Math.floor(next() * 20) }, (_, i) => box(`m${i}`));
      const at = separateBoxes(fixed, moving);
      const after = placed(moving, at);
      after.forEach((m, i) => {
        for (const f of fixed) expect(overlaps(m, f), `run ${run}: ${m.id} over ${f.id}`).toBe(false);
        for (const o of after.slice(i + 1))
          expect(overlaps(m, o), `run ${run}: ${m.id} over ${o.id}`).toBe(false);
      });
      expect([...at.keys()].sort()).toEqual(moving.map((m) => m.id).sort());
    }
  });

  it('leaves a new node that overlaps nothing where the layout put it', () => {
    const fixed: Box[] = [{ id: 'a', x: 0, y: 0, width: 50, height: 30 }];
    const moving: Box[] = [{ id: 'b', x: 200, y: 0, width: 50, height: 30 }];
    expect(separateBoxes(fixed, moving).get('b')).toEqual({ x: 200, y: 0 });
  });

  it('moves a node that lands exactly on another only as far as needed', () => {
    const fixed: Box[] = [{ id: 'a', x: 0, y: 0, width: 60, height: 40 }];
    const p = separateBoxes(fixed, [{ id: 'b', x: 0, y: 0, width: 60, height: 40 }]).get('b')!;
    expect(Math.hypot(p.x, p.y)).toBeLessThan(120);
  });

  it('keeps new nodes of a real layout off the fixed ones and each other', () => {
    // Wide labelled boxes placed close together, each new node linked to two of them: fCoSE alone
    // brought new nodes to rest on fixed ones here.
    for (const count of [2, 5, 8, 12])
      for (const spread of [40, 80, 150]) {
        const fixed: LayoutNode[] = Array.from({ length: 10 }, (_, i) => ({
          id: `f${i}`,
          width: 150,
          height: 40,
          // Labels below some nodes make their boxes hang lower than their positions.
          offset: { x: 0, y: (i % 2) * 20 },
          fixed: { x: ((i % 5) - 2) * spread * 2, y: (Math.floor(i / 5) - 0.5) * spread },
        }));
        const fresh: LayoutNode[] = Array.from({ length: count }, (_, i) => ({
          id: `n${i}`,
          width: 150,
          height: 40,
          offset: { x: 0, y: (i % 3) * 10 },
        }));
        const links = fresh.flatMap((n, i): Array<[string, string]> => [
          [n.id, `f${i % 10}`],
          [n.id, `f${(i * 3 + 1) % 10}`],
        ]);
        const at = layoutBoxes([...fixed, ...fresh], links, false);
        const boxes = (list: LayoutNode[]): Box[] =>
          list.map((n) => ({
            id: n.id,
            width: n.width,
            height: n.height,
            x: at.get(n.id)!.x + n.offset!.x,
            y: at.get(n.id)!.y + n.offset!.y,
          }));
        const news = boxes(fresh);
        const where = `${count} new, spread ${spread}`;
        news.forEach((m, i) => {
          for (const f of boxes(fixed)) expect(overlaps(m, f), `${where}: ${m.id} over ${f.id}`).toBe(false);
          for (const o of news.slice(i + 1))
            expect(overlaps(m, o), `${where}: ${m.id} over ${o.id}`).toBe(false);
        });
        // Existing nodes stay exactly where they were.
        for (const f of fixed) expect(at.get(f.id)).toEqual(f.fixed);
      }
  });
});
