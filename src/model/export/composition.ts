/** Lays out an exported image at 1×: the graph, then the legend, then the numbered citations in balanced columns; returns draw operations. */
import type { Citation, SourceCitation } from './citations';
import type { LegendEntry } from './legend';
import type { DrawOp, Measure } from './scene';
import { wrapAt } from './wrap';

export const PADDING = 16;
/** Narrower images still get a readable footer. */
const MIN_DECORATED_WIDTH = 640;
const COLUMN_MIN = 420;
const COLUMN_GAP = 28;
const MAX_COLUMNS = 4;

export const INK = '#1f2933';
export const MUTED = '#616e7c';
export const RULE = '#d9dee3';

export interface CompositionInput {
  graphWidth: number;
  graphHeight: number;
  legend: LegendEntry[] | null;
  citations: Citation[] | null;
  /** Each cited source once, printed under the citations that refer to them by label. */
  sources?: SourceCitation[];
  /** A line naming the dataset and the export, printed under the citations. */
  caption: string;
  measure: Measure;
}

export interface Composition {
  width: number;
  height: number;
  /** Where the rendered graph goes. */
  graph: { x: number; y: number; width: number; height: number };
  ops: DrawOp[];
}

/** A footer taller than this many times the image's width gets more columns (a wider image) when there is room for them. */
const MAX_ASPECT = 1.5;

export function compose(input: CompositionInput): Composition {
  const decorated = (input.legend?.length ?? 0) > 0 || input.citations !== null;
  const base = Math.ceil(Math.max(input.graphWidth + 2 * PADDING, decorated ? MIN_DECORATED_WIDTH : 0));
  if (!input.citations) return layoutAt(input, base);
  // Long evidence lists would make a tall, narrow strip; widen to more columns until the shape is reasonable.
  const widths = [
    ...new Set(
      Array.from({ length: MAX_COLUMNS }, (_, i) =>
        Math.max(base, Math.ceil((i + 1) * COLUMN_MIN + i * COLUMN_GAP + 2 * PADDING)),
      ),
    ),
  ].sort((a, b) => a - b);
  let chosen = layoutAt(input, widths[0]!);
  for (const width of widths.slice(1)) {
    if (chosen.height <= chosen.width * MAX_ASPECT) break;
    chosen = layoutAt(input, width);
  }
  return chosen;
}

function layoutAt(input: CompositionInput, width: number): Composition {
  const graph = {
    x: Math.round((width - input.graphWidth) / 2),
    y: PADDING,
    width: input.graphWidth,
    height: input.graphHeight,
  };
  const ops: DrawOp[] = [];
  let y = graph.y + input.graphHeight + PADDING;
  if (input.legend && input.legend.length > 0) y = legendOps(input.legend, y, width, input.measure, ops);
  if (input.citations)
    y = citationOps(input.citations, input.sources ?? [], input.caption, y, width, input.measure, ops);
  return { width, height: Math.ceil(y), graph, ops };
}

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

function citationOps(
  citations: Citation[],
  sources: SourceCitation[],
  caption: string,
  top: number,
  width: number,
  measure: Measure,
  ops: DrawOp[],
): number {
  ops.push({ op: 'line', x1: PADDING, y1: top, x2: width - PADDING, y2: top, color: RULE, width: 1 });
  let y = top + 20;
  ops.push({ op: 'text', x: PADDING, y, text: 'Evidence', size: 12, color: INK, bold: true });
  y += 8;
  const inner = width - 2 * PADDING;
  const columns = Math.max(
    1,
    Math.min(MAX_COLUMNS, Math.floor((inner + COLUMN_GAP) / (COLUMN_MIN + COLUMN_GAP))),
  );
  const columnWidth = (inner - (columns - 1) * COLUMN_GAP) / columns;
  const blocks = citations.map((c) => citationBlock(c, columnWidth, measure));
  const total = blocks.reduce((s, b) => s + b.height, 0);
  const target = total / columns;
  // Entries stay whole; a column is closed once it reaches its share of the total height.
  let column = 0;
  let columnTop = 0;
  let tallest = 0;
  for (const block of blocks) {
    if (columnTop > 0 && columnTop + block.height / 2 > target && column < columns - 1) {
      column++;
      columnTop = 0;
    }
    const x = PADDING + column * (columnWidth + COLUMN_GAP);
    for (const line of block.lines)
      ops.push({
        op: 'text',
        x,
        y: y + columnTop + line.dy,
        text: line.text,
        size: line.size,
        color: line.color,
        ...(line.bold ? { bold: true } : {}),
      });
    columnTop += block.height;
    tallest = Math.max(tallest, columnTop);
  }
  if (citations.length === 0) {
    ops.push({
      op: 'text',
      x: PADDING,
      y: y + 14,
      text: 'No relations are drawn.',
      size: 10.5,
      color: MUTED,
    });
    tallest = 20;
  }
  y += tallest + 10;
  if (sources.length > 0) {
    y += 12;
    ops.push({ op: 'text', x: PADDING, y, text: 'Sources', size: 11, color: INK, bold: true });
    y += 2;
    const labelWidth = Math.max(...sources.map((s) => measure(s.label, 9.5, true))) + 8;
    for (const s of sources) {
      wrapAt(s.text, inner - labelWidth, 9.5, measure).forEach((line, i) => {
        y += 13;
        if (i === 0)
          ops.push({ op: 'text', x: PADDING, y, text: s.label, size: 9.5, color: INK, bold: true });
        ops.push({ op: 'text', x: PADDING + labelWidth, y, text: line, size: 9.5, color: INK });
      });
    }
    y += 8;
  }
  for (const line of wrapAt(caption, inner, 9.5, measure)) {
    y += 13;
    ops.push({ op: 'text', x: PADDING, y, text: line, size: 9.5, color: MUTED });
  }
  return y + PADDING;
}
