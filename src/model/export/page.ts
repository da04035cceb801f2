/**
 * Page exports: a fixed page (a social card, a square, A4 at 300 dpi) or one sized to the drawing ("Fit the
 * drawing", fit-page.ts), with a headline, a standfirst, the graph fitted in, and a footer of legend, evidence and
 * sources that takes at most a third of the page. Evidence that does not fit continues on further pages of the same
 * size, or is cut with "… and N more in the full list" and the view's link.
 */
import type { Citation, SourceCitation } from './citations';
import { citationBlock, INK, legendOps, MUTED, RULE, type Block } from './composition';
import { fitDrawingScale, fitHeight, fitUnit, fitWidth, type FitDrawing } from './fit-page';
import type { LegendEntry } from './legend';
import type { Box } from './place-scene';
import type { DrawOp, Measure } from './scene';
import { wrapAt } from './wrap';

export const PAGE_PRESETS = {
  social: { label: 'Social card, 1200×675 px', width: 1200, height: 675, unit: 1.5 },
  square: { label: 'Square, 1080×1080 px', width: 1080, height: 1080, unit: 1.5 },
  'a4-portrait': { label: 'A4 portrait, 300 dpi', width: 2480, height: 3508, unit: 300 / 96 },
  'a4-landscape': { label: 'A4 landscape, 300 dpi', width: 3508, height: 2480, unit: 300 / 96 },
} as const;
/**
 * width × height are the file's pixels; `unit` is how many of them one layout pixel takes, so text on a social
 * card stays readable where the card is shown small, and A4 text has the size it would on a 96 dpi screen.
 */
export type PagePreset = keyof typeof PAGE_PRESETS;
export const PAGE_PRESET_IDS = Object.keys(PAGE_PRESETS) as PagePreset[];

/** The most of the page's height the footer (legend, evidence, sources, credits) may take. */
export const FOOTER_SHARE = 1 / 3;
/** What the typed texts may hold, so each fits its place on the smallest page. */
export const TEXT_LIMITS = {
  headline: 140,
  standfirst: 320,
  credit: 120,
  sourceLine: 160,
  date: 40,
} as const;
export type PageTexts = { [K in keyof typeof TEXT_LIMITS]: string };
export const NO_PAGE_TEXTS: PageTexts = {
  headline: '',
  standfirst: '',
  credit: '',
  sourceLine: '',
  date: '',
};

const TEXT_NAMES: Record<keyof PageTexts, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  credit: 'Credit',
  sourceLine: 'Source line',
  date: 'Date',
};

/** A one-line message for each text past its limit, naming the field; empty when all fit. */
export function checkPageTexts(texts: PageTexts): string[] {
  return (Object.keys(TEXT_LIMITS) as Array<keyof PageTexts>).flatMap((k) => {
    const n = [...texts[k].trim()].length;
    return n > TEXT_LIMITS[k]
      ? [`${TEXT_NAMES[k]}: at most ${TEXT_LIMITS[k]} characters (this one has ${n}).`]
      : [];
  });
}

export type Overflow = 'continue' | 'shorten';

export interface PageInput {
  /** A preset's fixed size, or a page sized to the drawing. */
  page: PagePreset | FitDrawing;
  texts: PageTexts;
  legend: LegendEntry[] | null;
  citations: Citation[] | null;
  sources: SourceCitation[];
  /** Printed with the credits when the source line is left empty (the dataset's title). */
  defaultSourceLine: string;
  /** Printed when the date is left empty. */
  defaultDate: string;
  /** The view's share link, printed when evidence is cut; without one, evidence continues on a page 2. */
  link: string | null;
  overflow: Overflow;
  measure: Measure;
}

export interface PageLayout {
  /** In layout pixels; the file has width × unit pixels. */
  width: number;
  height: number;
  unit: number;
  /** The box the graph is fitted into, on the first page only. */
  graph: Box | null;
  /** Where the footer's rule is: everything below it is footer. */
  footerTop: number;
  ops: DrawOp[];
}

export interface PagesResult {
  pages: PageLayout[];
  /** Citations printed, of how many the view has. */
  shown: number;
  total: number;
}

const MARGIN = 20;
/** Between the graph's box and the footer's rule. */
const GRAPH_GAP = 8;
const COLUMN_MIN = 230;
const COLUMN_GAP = 20;
const MAX_COLUMNS = 4;
const HEADLINE = { size: 22, lineHeight: 27, maxLines: 3 };
const STANDFIRST = { size: 12.5, lineHeight: 17, maxLines: 3 };
const META = { size: 9, lineHeight: 12 };
/** A link longer than this many lines is no use printed; the evidence continues on a page instead. */
const MAX_LINK_LINES = 2;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lines past `max` are cut, the last one ending in an ellipsis that fits. */
function clipLines(lines: string[], max: number, width: number, fit: (s: string) => number): string[] {
  if (lines.length <= max) return lines;
  let last = `${lines[max - 1]!}…`;
  while (last.length > 1 && fit(last) > width) last = `${last.slice(0, -2).trimEnd()}…`;
  return [...lines.slice(0, max - 1), last];
}

function headerOps(input: PageInput, width: number, ops: DrawOp[]): number {
  const { measure, texts } = input;
  const inner = width - 2 * MARGIN;
  let y = MARGIN;
  const block = (text: string, look: typeof HEADLINE, color: string, bold: boolean) => {
    const lines = clipLines(wrapAt(text, inner, look.size, measure, bold), look.maxLines, inner, (s) =>
      measure(s, look.size, bold),
    );
    for (const line of lines) {
      y += look.lineHeight;
      ops.push({
        op: 'text',
        x: MARGIN,
        y: y - look.lineHeight * 0.22,
        text: line,
        size: look.size,
        color,
        ...(bold ? { bold } : {}),
      });
    }
  };
  if (texts.headline.trim()) block(texts.headline.trim(), HEADLINE, INK, true);
  if (texts.standfirst.trim()) {
    if (y > MARGIN) y += 4;
    block(texts.standfirst.trim(), STANDFIRST, MUTED, false);
  }
  return y > MARGIN ? y + 10 : MARGIN;
}

const sourceBlock = (s: SourceCitation, first: boolean, width: number, measure: Measure): Block => {
  const lines: Block['lines'] = [];
  let dy = 0;
  if (first) {
    dy += 16;
    lines.push({ dy, text: 'Sources', size: 11, color: INK, bold: true });
  }
  for (const line of wrapAt(`${s.label}  ${s.text}`, width, 9.5, measure)) {
    dy += 13;
    lines.push({ dy, text: line, size: 9.5, color: INK });
  }
  return { height: dy + 2, lines };
};

interface Region {
  top: number;
  height: number;
  columns: number;
  columnWidth: number;
}

/** Fills columns top to bottom with whole blocks; returns how many blocks fit and the height used. */
function flow(blocks: Block[], region: Region, ops: DrawOp[] | null): { placed: number; used: number } {
  let column = 0;
  let top = 0;
  let used = 0;
  let placed = 0;
  for (const block of blocks) {
    if (top + block.height > region.height) {
      if (top === 0 || column === region.columns - 1) break;
      column++;
      top = 0;
      // A block taller than a whole column fits nowhere; it would be cut, so it waits for a taller page.
      if (block.height > region.height) break;
    }
    if (ops) {
      const x = MARGIN + column * (region.columnWidth + COLUMN_GAP);
      for (const line of block.lines)
        ops.push({
          op: 'text',
          x,
          y: region.top + top + line.dy,
          text: line.text,
          size: line.size,
          color: line.color,
          ...(line.bold ? { bold: true } : {}),
        });
    }
    top += block.height;
    used = Math.max(used, top);
    placed++;
  }
  return { placed, used };
}

function columnsFor(width: number): { columns: number; columnWidth: number } {
  const inner = width - 2 * MARGIN;
  const columns = Math.max(
    1,
    Math.min(MAX_COLUMNS, Math.floor((inner + COLUMN_GAP) / (COLUMN_MIN + COLUMN_GAP))),
  );
  return { columns, columnWidth: (inner - (columns - 1) * COLUMN_GAP) / columns };
}

/** A block cut to its heading and first lines, for a quote so long that it is taller than a whole column. */
function cutBlock(block: Block, height: number): Block {
  const lines = block.lines.filter((l) => l.dy <= height - 16);
  const last = lines[lines.length - 1];
  if (last && last !== block.lines[block.lines.length - 1])
    lines[lines.length - 1] = { ...last, text: `${last.text} …` };
  return { height: Math.min(block.height, height), lines };
}

/** The shortest columns that hold every block: flow is monotone in the height, so a bisection finds it. */
function columnHeightFor(blocks: Block[], columns: number, columnWidth: number): number {
  if (blocks.length === 0) return 0;
  const fits = (height: number) =>
    flow(blocks, { top: 0, height, columns, columnWidth }, null).placed === blocks.length;
  let lo = Math.max(...blocks.map((b) => b.height));
  let hi = blocks.reduce((s, b) => s + b.height, 0);
  if (fits(lo)) return lo;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function composePages(input: PageInput): PagesResult {
  const { page } = input;
  const width =
    typeof page === 'string' ? PAGE_PRESETS[page].width / PAGE_PRESETS[page].unit : fitWidth(page, MARGIN);
  const { measure } = input;
  const first: DrawOp[] = [];
  const headerBottom = headerOps(input, width, first);
  const inner = width - 2 * MARGIN;
  const { columns, columnWidth } = columnsFor(width);

  const metaText = [
    input.texts.sourceLine.trim() || `Source: ${input.defaultSourceLine}`,
    input.texts.credit.trim(),
    input.texts.date.trim() || input.defaultDate,
  ]
    .filter(Boolean)
    .join(' · ');
  const metaLines = clipLines(wrapAt(metaText, inner, META.size, measure), 2, inner, (s) =>
    measure(s, META.size),
  );

  // The legend sits on top of the footer; drawn once here to learn its height.
  const legendProbe: DrawOp[] = [];
  const legendHeight =
    input.legend && input.legend.length > 0 ? legendOps(input.legend, 0, width, measure, legendProbe) - 0 : 0;

  const citations = input.citations ?? [];
  const total = citations.length;
  const blocks = citations.map((c) => citationBlock(c, columnWidth, measure));
  const sourceBlocks = (sources: SourceCitation[]) =>
    sources.map((s, i) => sourceBlock(s, i === 0, columnWidth, measure));
  const fixed = (extraLines: number, headed = !!input.citations) =>
    legendHeight + (headed ? 24 : 0) + (metaLines.length + extraLines) * META.lineHeight + 10;
  const { height, budget, unit } =
    typeof page === 'string'
      ? presetSize(page)
      : sizeToDrawing(page, width, headerBottom, () => {
          const all = [...blocks, ...sourceBlocks(input.sources)];
          return fixed(0) + (input.citations ? columnHeightFor(all, columns, columnWidth) : 0);
        });
  const regionFor = (extraLines: number): Region => ({
    top: 0,
    height: Math.max(0, budget - fixed(extraLines)),
    columns,
    columnWidth,
  });

  let firstBlocks: Block[] = [...blocks, ...sourceBlocks(input.sources)];
  let rest: Block[] = [];
  let shown = total;
  let moreLines: string[] = [];
  if (input.citations) {
    const region = regionFor(0);
    const all = flow(firstBlocks, region, null);
    if (all.placed < firstBlocks.length) {
      const linkLines = input.link ? wrapAt(input.link, inner, META.size, measure) : [];
      if (input.overflow === 'shorten' && input.link && linkLines.length <= MAX_LINK_LINES) {
        // Fewest cuts first: keep k citations and the sources they cite, with a line saying what is left out.
        const more = (k: number) => [
          `… and ${total - k} more in the full list: open this view at`,
          ...linkLines,
        ];
        for (shown = total - 1; shown >= 0; shown--) {
          const cited = new Set(citations.slice(0, shown).flatMap((c) => c.sourceNumbers));
          const kept = [
            ...blocks.slice(0, shown),
            ...sourceBlocks(input.sources.filter((s) => cited.has(s.number))),
          ];
          if (flow(kept, regionFor(1 + linkLines.length), null).placed === kept.length) {
            firstBlocks = kept;
            break;
          }
        }
        shown = Math.max(0, shown);
        if (shown === 0) firstBlocks = [];
        moreLines = more(shown);
      } else {
        rest = firstBlocks.slice(all.placed);
        firstBlocks = firstBlocks.slice(0, all.placed);
        const placedCitations = Math.min(all.placed, blocks.length);
        shown = placedCitations;
        const left = total - placedCitations;
        moreLines = [
          placedCitations === 0
            ? `Evidence: the ${plural(total, 'relation')} drawn, with their quotes and sources, on page 2.`
            : placedCitations === total
              ? 'Sources continue on page 2.'
              : `Evidence continues on page 2 (${plural(left, 'more relation')}${rest.length > left ? ' and the sources' : ''}).`,
        ];
      }
    }
  }

  // Footer from the bottom up: credits, then the overflow line, the evidence columns, the legend, the rule.
  const extra = moreLines.length;
  // With no entry on this page, an "Evidence" heading would head nothing: the line pointing on says it.
  const headed = !!input.citations && (firstBlocks.length > 0 || total === 0);
  const region = regionFor(extra);
  const evidenceHeight = headed ? flow(firstBlocks, region, null).used : 0;
  const footerHeight = Math.min(budget, fixed(extra, headed) + evidenceHeight);
  const footerTop = height - footerHeight;
  let y = footerTop;
  first.push({ op: 'line', x1: MARGIN, y1: y, x2: width - MARGIN, y2: y, color: RULE, width: 1 });
  if (legendHeight > 0) y = legendOps(input.legend!, y + 2, width, measure, first) - 2;
  if (headed) {
    y += 16;
    first.push({ op: 'text', x: MARGIN, y, text: 'Evidence', size: 11, color: INK, bold: true });
    y += 8;
    if (total === 0)
      first.push({
        op: 'text',
        x: MARGIN,
        y: y + 12,
        text: 'No relations are drawn.',
        size: 10,
        color: MUTED,
      });
    flow(firstBlocks, { ...region, top: y }, first);
  }
  y = height - 6 - (metaLines.length + extra) * META.lineHeight;
  for (const line of [...moreLines, ...metaLines]) {
    y += META.lineHeight;
    first.push({ op: 'text', x: MARGIN, y, text: line, size: META.size, color: MUTED });
  }

  const graphTop = headerBottom;
  const graph: Box = {
    x: MARGIN,
    y: graphTop,
    width: inner,
    height: Math.max(0, footerTop - GRAPH_GAP - graphTop),
  };
  const pages: PageLayout[] = [{ width, height, unit, graph, footerTop, ops: first }];

  // Continuation pages: the rest of the evidence in full-height columns, as many pages as it takes.
  let pending = rest;
  const fullRegion: Region = {
    top: MARGIN + 30,
    height: height - 2 * MARGIN - 30 - META.lineHeight,
    columns,
    columnWidth,
  };
  while (pending.length > 0) {
    const ops: DrawOp[] = [];
    const ready = pending.map((b) => (b.height > fullRegion.height ? cutBlock(b, fullRegion.height) : b));
    const { placed } = flow(ready, fullRegion, ops);
    const title = input.texts.headline.trim() || input.defaultSourceLine;
    ops.unshift({
      op: 'text',
      x: MARGIN,
      y: MARGIN + 14,
      text: `Evidence, continued: ${title}`,
      size: 12,
      color: INK,
      bold: true,
    });
    ops.push({ op: 'text', x: MARGIN, y: height - MARGIN, text: metaText, size: META.size, color: MUTED });
    pages.push({ width, height, unit, graph: null, footerTop: MARGIN, ops });
    pending = ready.slice(Math.max(1, placed));
  }
  if (pages.length > 2)
    pages.forEach((p, i) => {
      if (i > 0)
        p.ops.push({
          op: 'text',
          x: width - MARGIN - 60,
          y: height - MARGIN,
          text: `page ${i + 1} of ${pages.length}`,
          size: META.size,
          color: MUTED,
        });
    });
  return { pages, shown, total };
}

function presetSize(preset: PagePreset): { height: number; budget: number; unit: number } {
  const { height, unit } = PAGE_PRESETS[preset];
  return { height: height / unit, budget: (height / unit) * FOOTER_SHARE, unit };
}

/**
 * A Fit page's height, footer budget and unit. The drawing is scaled to the page's width, and no taller than lets
 * the whole page stay within maxSide layout pixels (so a huge view is shrunk, its text kept readable, rather than
 * the file's every pixel shrunk); `footerNeed` is asked only here, as it flows every block.
 */
function sizeToDrawing(
  fit: FitDrawing,
  width: number,
  headerBottom: number,
  footerNeed: () => number,
): { height: number; budget: number; unit: number } {
  const room = fit.maxSide * (1 - FOOTER_SHARE) - headerBottom - GRAPH_GAP;
  const scale = fitDrawingScale(fit, width, MARGIN, room);
  const above = headerBottom + fit.drawing.height * scale + GRAPH_GAP;
  const { height, budget } = fitHeight(above, footerNeed(), width, FOOTER_SHARE);
  return { height, budget, unit: fitUnit(fit, width, height) };
}
