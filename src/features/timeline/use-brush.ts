/** Dragging across the timeline's plot selects a span of years; a click without a drag selects nothing. */
import { useState, type PointerEvent } from 'react';

/** Below this many pixels a press is a click, not a brush. */
const MIN_DRAG = 4;

export interface BrushState {
  x0: number;
  x1: number;
}

export function useBrush(onCommit: (x0: number, x1: number) => void) {
  const [brush, setBrush] = useState<BrushState | null>(null);
  const xIn = (e: PointerEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(Math.max(e.clientX - box.left, 0), box.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const x = xIn(e);
    setBrush({ x0: x, x1: x });
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (brush) setBrush({ ...brush, x1: xIn(e) });
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    if (!brush) return;
    const x1 = xIn(e);
    setBrush(null);
    if (Math.abs(x1 - brush.x0) >= MIN_DRAG) onCommit(brush.x0, x1);
  };
  return {
    brush,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: () => setBrush(null) },
  };
}
