/**
 * How an edge shows who stands behind it, for the canvas, the legend and the exports alike: its width grows
 * with the independent sources that state it, and a contested relation is drawn as a double line.
 */

/** One source draws the thin line a one-source dataset always had; from `sources` on the width stops growing. */
export const CORROBORATION_WIDTHS = { min: 1.6, max: 5.2, sources: 4 } as const;

/** A contested line's white core, between two rails of `rails` / 2 each in the status colour. */
export const CONTESTED_LINE = { min: 2, max: 4.4, rails: 3 } as const;

const lerp = (n: number, lo: number, hi: number) => {
  const t = (Math.min(Math.max(n, 1), CORROBORATION_WIDTHS.sources) - 1) / (CORROBORATION_WIDTHS.sources - 1);
  return lo + t * (hi - lo);
};

/** The drawn width of a relation stated by `sources` independent sources. */
export const corroborationWidth = (sources: number): number =>
  lerp(sources, CORROBORATION_WIDTHS.min, CORROBORATION_WIDTHS.max);

/** The white core of a contested relation stated by `sources` independent sources. */
export const contestedCoreWidth = (sources: number): number =>
  lerp(sources, CONTESTED_LINE.min, CONTESTED_LINE.max);
