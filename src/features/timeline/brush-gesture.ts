/**
 * What a press on the timeline's plot turns out to be. Marks cover most of the strip, so a press anywhere
 * (on a mark too) may become a brush: it does once the pointer has moved a few pixels; released before
 * that, it was a click, and the mark under it handles it as one.
 */

/** Below this many pixels of travel a press is a click, not a brush. */
export const MIN_DRAG = 4;

export type BrushGesture =
  | { phase: 'idle' }
  /** Pressed, not yet moved far enough to tell. */
  | { phase: 'pressed'; x0: number }
  | { phase: 'brushing'; x0: number; x1: number };

export const IDLE: BrushGesture = { phase: 'idle' };

export function press(x: number): BrushGesture {
  return { phase: 'pressed', x0: x };
}

export function move(g: BrushGesture, x: number): BrushGesture {
  if (g.phase === 'idle') return g;
  if (g.phase === 'pressed' && Math.abs(x - g.x0) < MIN_DRAG) return g;
  return { phase: 'brushing', x0: g.x0, x1: x };
}

/**
 * The gesture's outcome on release: a span to filter to, a click, or nothing (no press under way, or a
 * drag brought back to where it started, which a person does to call the brush off).
 */
export function release(
  g: BrushGesture,
  x: number,
): { kind: 'brush'; x0: number; x1: number } | { kind: 'click' } | { kind: 'none' } {
  if (g.phase === 'idle') return { kind: 'none' };
  const after = move(g, x);
  if (after.phase !== 'brushing') return { kind: 'click' };
  if (Math.abs(after.x1 - after.x0) < MIN_DRAG) return { kind: 'none' };
  return { kind: 'brush', x0: after.x0, x1: after.x1 };
}
