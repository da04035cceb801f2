/** The pieces an exported page's footer is made of (page.ts lays them out): its colours, the legend's rows, a citation's block. */
import type { Citation } from './citations';
import type { LegendEntry } from './legend';
import type { DrawOp, Measure } from './scene';
import { wrapAt } from './wrap';

const PADDING = 16;

export const INK = '#1f2933';
export const MUTED = '#616e7c';
export const RULE = '#d9dee3';

export function legendOps(
  entries: LegendEntry[],
  top: number,
  width: number,
  measure: Measure,
  ops: DrawOp[],
): number {
  const size = 11;
  const rowHeight = 20;
  let x = PADDING;
  let y = top;
  for (const entry of entries) {
    const itemWidth = 22 + 6 + measure(entry.label, size) + 18;
    if (x + itemWidth > width - PADDING && x > PADDING) {
      x = PADDING;
      y += rowHeight;
    }
    const mid = y + rowHeight / 2;
    if (entry.kind === 'entity')
      ops.push({ op: 'shape', shape: entry.shape, x: x + 11, y: mid, w: 14, h: 14, fill: entry.color });
    else if (entry.kind === 'community')
      ops.push({ op: 'shape', shape: 'ellipse', x: x + 11, y: mid, w: 14, h: 14, fill: entry.color });
    else
      ops.push({
        op: 'line',
        x1: x + 1,
        y1: mid,
        x2: x + 21,
        y2: mid,
        color: entry.color,
        width: 2,
        ...(entry.dash ? { dash: entry.dash } : {}),
      });
    ops.push({ op: 'text', x: x + 28, y: mid + size * 0.36, text: entry.label, size, color: INK });
    x += itemWidth;
  }
  return y + rowHeight + PADDING / 2;
}

export interface Block {
  height: number;
  lines: Array<{ dy: number; text: string; size: number; color: string; bold?: boolean }>;
}

export function citationBlock(c: Citation, columnWidth: number, measure: Measure): Block {
  const lines: Block['lines'] = [];
  let dy = 0;
  const add = (text: string, size: number, lineHeight: number, color: string, bold = false) => {
    for (const line of wrapAt(text, columnWidth, size, measure, bold)) {
      dy += lineHeight;
      lines.push({ dy, text: line, size, color, ...(bold ? { bold } : {}) });
    }
  };
  add(`[${c.number}] ${c.heading}${c.detail ? ` (${c.detail})` : ''}`, 11, 15, INK, true);
  if (c.voices) add(c.voices, 9.5, 13, MUTED);
  for (const q of c.quotes) {
    add(q.text, 10.5, 14, INK);
    add(q.attribution, 9.5, 13, MUTED);
  }
  if (c.quotes.length === 0) add('(no quote found for this relation)', 9.5, 13, MUTED);
  return { height: dy + 8, lines };
}
