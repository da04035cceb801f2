/**
 * "Fit the drawing": a page sized to the drawing instead of a preset. It is as wide as the drawing (never so narrow
 * that the footer loses its columns, never wider than a browser canvas takes), its graph box has the drawing's
 * aspect, and it is as tall as the header, the drawing and the footer need, the footer held to its share of the page.
 */
import { MAX_ENLARGEMENT } from './place-scene';

export interface FitDrawing {
  /** The drawing's box, labels included, in layout pixels (the canvas at zoom 1). */
  drawing: { width: number; height: number };
  /** File pixels per layout pixel asked for (the menu's 1×, 2×, 4×); less when the file would pass maxSide. */
  scale: number;
  /** The most pixels a side of the file may have. */
  maxSide: number;
}

/** Narrower, and the footer's evidence would be one thin column under a small drawing. */
export const FIT_MIN_WIDTH = 640;
/**
 * When the evidence overflows, the continuation pages have this page's size; a flat drawing would make them thin
 * strips holding a citation or two each, so the page is then at least this share of its width tall above the footer.
 */
const MIN_ABOVE_RATIO = 0.5;

export const fitWidth = (fit: FitDrawing, margin: number): number =>
  Math.min(fit.maxSide, Math.max(FIT_MIN_WIDTH, Math.ceil(fit.drawing.width + 2 * margin)));

/**
 * The drawing's scale on a page `width` wide: filling the width (a small drawing enlarged at most MAX_ENLARGEMENT
 * times), and no taller than `room`, which keeps a huge view within the largest file rather than its text tiny.
 */
export function fitDrawingScale(fit: FitDrawing, width: number, margin: number, room: number): number {
  const w = Math.max(1, fit.drawing.width);
  const h = Math.max(1, fit.drawing.height);
  return Math.max(0, Math.min(MAX_ENLARGEMENT, (width - 2 * margin) / w, room / h));
}

/**
 * The page's height and the footer's budget, from the height of everything above the footer and what the whole
 * footer would need. When it all fits in `share` of the page, the page ends under the footer; otherwise the footer
 * gets its full share and the rest continues (or is shortened) as on a preset.
 */
export function fitHeight(
  above: number,
  footerNeed: number,
  width: number,
  share: number,
): { height: number; budget: number } {
  const most = (a: number) => (a * share) / (1 - share);
  if (footerNeed <= most(above)) return { height: above + footerNeed, budget: footerNeed };
  const a = Math.max(above, width * MIN_ABOVE_RATIO);
  return { height: a + most(a), budget: most(a) };
}

/** File pixels per layout pixel: the scale asked for, less when a side would pass maxSide. */
export const fitUnit = (fit: FitDrawing, width: number, height: number): number =>
  Math.min(fit.scale, fit.maxSide / Math.max(width, height));
