/** What the user chooses for an image export; the defaults are what the menu starts with. */
import { NO_PAGE_TEXTS, type Overflow, type PagePreset, type PageTexts } from '../../model/export/page';
import type { ExportScope } from '../../model/export/scope';

export interface ImageOptions {
  format: 'png' | 'svg';
  /** 1, 2 or 4 in the menu, for a drawing fitted; the PNG may come out smaller to stay within canvas limits. Presets have their own size. */
  scale: number;
  background: 'white' | 'transparent';
  legend: boolean;
  citations: boolean;
  /** 'drawing' sizes the page to what is drawn; a preset is a page of fixed pixels. Both have the headline, credits and footer. */
  page: 'drawing' | PagePreset;
  scope: ExportScope;
  /** The entities a 'selection' export covers; left out, the ones marked in the view. */
  entityIds?: readonly string[];
  /** Headline, standfirst, credit, source line and date; typed markup stays text. */
  texts: PageTexts;
  /** Evidence that does not fit a page's footer: on further pages, or cut with a link to the view. */
  overflow: Overflow;
}

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = {
  format: 'png',
  scale: 2,
  background: 'white',
  legend: true,
  citations: true,
  page: 'drawing',
  scope: 'view',
  texts: NO_PAGE_TEXTS,
  overflow: 'continue',
};

export const SCALES = [1, 2, 4] as const;

/** Browsers refuse or silently blank canvases far beyond this; every side of a PNG stays within it. */
export const MAX_IMAGE_SIDE = 8000;

/** A failure the user is told about in words. */
export class ExportError extends Error {}
