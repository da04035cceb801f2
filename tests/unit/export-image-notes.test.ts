import { describe, expect, it } from 'vitest';
import { imageNotes } from '../../src/features/export/image-notes';
import { DEFAULT_IMAGE_OPTIONS, MAX_IMAGE_SIDE } from '../../src/features/export/image-options';

const fitted = { ...DEFAULT_IMAGE_OPTIONS, page: 'drawing' as const, format: 'png' as const, scale: 2 };
const file = { width: 1280, height: 900, scale: 2, drawingScale: 1, labelsLeftOut: 0 };

describe('what the Export menu says of an image', () => {
  it('gives the pixel size, and nothing to notice when the view fitted as asked', () => {
    expect(imageNotes(file, fitted)).toEqual({ note: '(1280×900 px)', notices: [] });
  });

  it('counts the labels left out for want of room, on a Fit page as on a preset', () => {
    expect(imageNotes({ ...file, labelsLeftOut: 1 }, fitted).note).toBe(
      '(1280×900 px; 1 label had no free place and was left out)',
    );
    expect(imageNotes({ ...file, labelsLeftOut: 12 }, { ...fitted, page: 'social' }).note).toBe(
      '(1280×900 px; 12 labels had no free place and were left out)',
    );
  });

  it('a huge view fitted: says the drawing was shrunk, and by how much, to stay within the largest image', () => {
    const { notices } = imageNotes({ ...file, width: 8000, drawingScale: 0.264, labelsLeftOut: 40 }, fitted);
    expect(notices).toEqual([
      `The view is too large for one image: the drawing was shrunk to 26% to stay within ${MAX_IMAGE_SIDE} px a side, and labels with no room left out.`,
    ]);
  });

  it('says when the file could not have the scale asked for', () => {
    expect(imageNotes({ ...file, scale: 1.5 }, { ...fitted, scale: 4 }).notices).toEqual([
      `The image was scaled to 1.50× to stay within ${MAX_IMAGE_SIDE} px a side.`,
    ]);
  });

  it('a preset shrinks every drawing into its page: that is no news', () => {
    expect(
      imageNotes({ ...file, scale: 1, drawingScale: 0.4 }, { ...fitted, page: 'a4-portrait' }).notices,
    ).toEqual([]);
  });
});
