import { describe, expect, it } from 'vitest';
import {
  LABEL_PAD,
  MIN_LABEL,
  placeLabels,
  type LabelBar,
  type LabelPlace,
} from '../../src/model/analysis/timeline-labels';

const PLOT = 1000;

describe('timeline bar labels', () => {
  it('puts a label inside a bar wide enough for it, else beside it up to the next bar', () => {
    const [wide, narrow, last] = placeLabels(
      [
        { x: 0, width: 200, text: 120 },
        { x: 300, width: 10, text: 150 },
        { x: 480, width: 10, text: 600 },
      ],
      PLOT,
    );
    expect(wide).toEqual({ where: 'inside', left: LABEL_PAD, room: 200 - 2 * LABEL_PAD, cut: false });
    expect(narrow).toMatchObject({ where: 'beside', left: 310 + LABEL_PAD, cut: false });
    // Too long for the rest of the plot: cut short, the full text left to the tooltip.
    expect(last).toMatchObject({ where: 'beside', cut: true, room: PLOT - LABEL_PAD - 490 - LABEL_PAD });
  });

  it('cuts a label short where it has some room, and leaves it out where it has almost none', () => {
    const places = placeLabels(
      [
        { x: 0, width: 10, text: 300 },
        { x: 10 + 2 * LABEL_PAD + MIN_LABEL, width: 10, text: 300 },
        { x: 10 + 2 * LABEL_PAD + MIN_LABEL + 20, width: 10, text: 300 },
      ],
      PLOT,
    );
    expect(places.map((p) => p.where)).toEqual(['beside', 'none', 'beside']);
    expect(places[0]).toMatchObject({ cut: true, room: MIN_LABEL });
  });

  it('gives a bar beyond the plot no label, and starts a cut-off bar’s label at the plot’s edge', () => {
    const [gone] = placeLabels([{ x: -300, width: 100, text: 50 }], PLOT);
    const [cutOff] = placeLabels([{ x: -300, width: 500, text: 50 }], PLOT);
    expect(gone).toEqual({ where: 'none' });
    expect(cutOff).toMatchObject({ where: 'inside', left: LABEL_PAD });
  });

  it('never lets a label cover another bar or label, in rows crowded at random', () => {
    let s = 7;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let shown = 0;
    for (let round = 0; round < 300; round++) {
      const bars: LabelBar[] = Array.from({ length: 2 + Math.floor(rnd() * 12) }, () => ({
        x: rnd() * 1100 - 50,
        width: rnd() < 0.3 ? 5 + rnd() * 400 : 9,
        text: 20 + rnd() * 250,
      }));
      const places = placeLabels(bars, PLOT);
      const boxes = places.flatMap((p: LabelPlace, i) =>
        p.where === 'none' ? [] : [{ i, x0: p.left, x1: p.left + Math.min(p.room, bars[i]!.text) }],
      );
      for (const a of boxes) {
        shown++;
        expect(a.x0).toBeGreaterThanOrEqual(0);
        expect(a.x1).toBeLessThanOrEqual(PLOT);
        expect(a.x1 - a.x0).toBeGreaterThanOrEqual(Math.min(MIN_LABEL, bars[a.i]!.text) - 1e-9);
        for (const b of boxes)
          if (b !== a) expect(a.x0 < b.x1 && b.x0 < a.x1, `labels ${a.i}, ${b.i}`).toBe(false);
        bars.forEach((bar, j) => {
          if (j === a.i) return;
          const overlaps = a.x0 < bar.x + bar.width && bar.x < a.x1;
          expect(overlaps, `label ${a.i} over bar ${j} (round ${round})`).toBe(false);
        });
      }
    }
    expect(shown).toBeGreaterThan(300);
  });
});
