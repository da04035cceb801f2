/** The browser targets docs/performance.md holds the app to, and the element counts they apply at. */
export const BROWSER_TARGETS = {
  /** The article's default view, interactive from navigation. */
  articleInteractiveMs: 1500,
  /** Expand-to-painted p95, with up to `smallViewElements` drawn. */
  expandP95Ms: 200,
  /** Edge click to quote shown, p95, with up to `smallViewElements` drawn. */
  edgeClickP95Ms: 100,
  smallViewElements: 300,
  /** Median frame time while panning, at `panElements` drawn. */
  panMedianMs: 33,
  panElements: 1000,
  /** No main-thread task longer than this while a large dataset loads. */
  longestTaskMs: 200,
};
