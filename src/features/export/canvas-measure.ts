/** Text measurement with the browser's font metrics, so wrapped footers and SVG labels fit as drawn. */
import { FONT_FAMILY } from '../../model/export/svg';
import { approxMeasure, type Measure } from '../../model/export/scene';

export const canvasFont = (size: number, bold = false): string =>
  `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return approxMeasure;
  return (text, size, bold = false) => {
    ctx.font = canvasFont(size, bold);
    return ctx.measureText(text).width;
  };
}
