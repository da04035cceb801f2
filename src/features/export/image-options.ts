/** What the user chooses for an image export; the defaults are what the menu starts with. */
export interface ImageOptions {
  format: 'png' | 'svg';
  /** 1, 2 or 4 in the menu; the PNG may come out smaller to stay within canvas limits. */
  scale: number;
  background: 'white' | 'transparent';
  legend: boolean;
  citations: boolean;
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = {
  format: 'png',
  scale: 2,
  background: 'white',
  legend: true,
  citations: true,
};

export const SCALES = [1, 2, 4] as const;

/** Browsers refuse or silently blank canvases far beyond this; every side of a PNG stays within it. */
export const MAX_IMAGE_SIDE = 8000;

/** A failure the user is told about in words. */
export class ExportError extends Error {}
