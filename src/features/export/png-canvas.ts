/** Checks and encoding shared by the image exports' 2D canvases. */
import { ExportError } from './image-options';

async function decode(blob: Blob, what: string): Promise<ImageBitmap> {
  if (blob.size === 0) throw new ExportError(`The browser could not render the ${what} (it came out empty).`);
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new ExportError(`The browser could not render the ${what} (it could not be decoded).`);
  }
}

/** A canvas past the browser's limits renders blank rather than failing; a small sample shows whether anything was drawn. */
export function hasInk(bitmap: CanvasImageSource): boolean {
  const sample = document.createElement('canvas');
  sample.width = 64;
  sample.height = 64;
  const ctx = sample.getContext('2d');
  if (!ctx) return true;
  ctx.drawImage(bitmap, 0, 0, 64, 64);
  const { data } = ctx.getImageData(0, 0, 64, 64);
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
  return false;
}

export function blankCanvas(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ExportError('The browser has no 2D canvas for the export.');
  return { canvas, ctx };
}

/** The canvas as a PNG, decoded again to make sure the browser did not quietly cut or blank it. */
export async function encodePng(canvas: HTMLCanvasElement): Promise<Blob> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new ExportError('The browser could not encode the PNG.');
  const check = await decode(blob, 'PNG');
  const ok = check.width === canvas.width && check.height === canvas.height;
  check.close();
  if (!ok) throw new ExportError('The PNG came out with the wrong size; try a smaller scale.');
  return blob;
}
