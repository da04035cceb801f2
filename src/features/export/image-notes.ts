/** What the Export menu says about an image it saved: its size in the status, and a notice when it had to give way. */
import { MAX_IMAGE_SIDE, type ImageOptions } from './image-options';

export interface SavedImage {
  width: number;
  height: number;
  scale: number;
  /** How much the drawing was scaled on its page (below 1: shrunk). */
  drawingScale: number;
  labelsLeftOut: number;
}

export interface ImageNotes {
  /** Appended to "Saved x.png": the pixel size, and labels left out when any were. */
  note: string;
  /** Each an information notice: what was given up for the image to be made at all. */
  notices: string[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function imageNotes(file: SavedImage, options: ImageOptions): ImageNotes {
  const left =
    file.labelsLeftOut > 0
      ? `; ${count(file.labelsLeftOut, 'label', 'labels')} had no free place and ${file.labelsLeftOut === 1 ? 'was' : 'were'} left out`
      : '';
  const notices: string[] = [];
  if (options.page === 'drawing') {
    // A huge view: the drawing gives way first (its text stays readable), then the file's scale.
    if (file.drawingScale < 1)
      notices.push(
        `The view is too large for one image: the drawing was shrunk to ${Math.max(1, Math.round(file.drawingScale * 100))}% to stay within ${MAX_IMAGE_SIDE} px a side${left ? ', and labels with no room left out' : ''}.`,
      );
    if (options.format === 'png' && file.scale < options.scale)
      notices.push(
        `The image was scaled to ${file.scale.toFixed(2)}× to stay within ${MAX_IMAGE_SIDE} px a side.`,
      );
  }
  return { note: `(${file.width}×${file.height} px${left})`, notices };
}
