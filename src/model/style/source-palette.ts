/**
 * One colour per source of a dataset, in the dataset's source order: the reader's highlights, the inspector's
 * evidence groups and the source filter share it, so a quote's colour says which source it is from. The first
 * source keeps the yellow highlight a one-source dataset has always had.
 */

export interface SourceLook {
  /** Highlight behind a quote's text. */
  mark: string;
  /** A focused or selected quote's highlight, and the rule beside a quote. */
  strong: string;
  /** A small dot naming the source; at least 3:1 on white, as a graphic. */
  swatch: string;
}

const LOOKS: readonly SourceLook[] = [
  { mark: '#fff3bf', strong: '#ffd43b', swatch: '#b07d00' },
  { mark: '#d3f9d8', strong: '#8ce99a', swatch: '#2f9e44' },
  { mark: '#d0ebff', strong: '#74c0fc', swatch: '#1c7ed6' },
  { mark: '#ffdeeb', strong: '#faa2c1', swatch: '#d6336c' },
  { mark: '#e5dbff', strong: '#b197fc', swatch: '#7048e8' },
  { mark: '#ffe8cc', strong: '#ffc078', swatch: '#e8590c' },
];

/** The look of the source at this position of the dataset's sources (the palette repeats past six). */
export const sourceLook = (index: number): SourceLook => LOOKS[Math.max(0, index) % LOOKS.length]!;
