/** A label's width in the strip's own font, measured once per text on a canvas (no layout of the page). */
const FALLBACK_CHAR = 6.2;

export function textMeasure(font: string): (text: string) => number {
  const known = new Map<string, number>();
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (context) context.font = font;
  return (text) => {
    let w = known.get(text);
    if (w === undefined) {
      w = context ? context.measureText(text).width : text.length * FALLBACK_CHAR;
      if (known.size > 20_000) known.clear();
      known.set(text, w);
    }
    return w;
  };
}
