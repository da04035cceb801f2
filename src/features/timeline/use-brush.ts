/**
 * Dragging across the timeline's plot selects a span of years, wherever the press starts (on a mark too);
 * a press released without a drag stays a click on whatever is under it (brush-gesture.ts decides which).
 * Touch presses are left to panning.
 */
import { useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { IDLE, move, press, release, type BrushGesture } from './brush-gesture';

export interface BrushState {
  x0: number;
  x1: number;
}

export function useBrush(onCommit: (x0: number, x1: number) => void) {
  const [gesture, setGesture] = useState<BrushGesture>(IDLE);
  // Set when a press ended as a drag, so the click the browser sends after it does not also choose a mark.
  const brushed = useRef(false);
  const xIn = (e: PointerEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(Math.max(e.clientX - box.left, 0), box.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    // On a touch screen a drag pans the strip (use-zoom-gestures.ts); the period is set in Filters there.
    if (e.button !== 0 || e.pointerType === 'touch') return;
    brushed.current = false;
    setGesture(press(xIn(e)));
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (gesture.phase === 'idle') return;
    const next = move(gesture, xIn(e));
    // Captured only once it is a brush: capturing on press would send a plain click to the plot, not the mark.
    if (next.phase === 'brushing' && gesture.phase === 'pressed')
      e.currentTarget.setPointerCapture(e.pointerId);
    if (next !== gesture) setGesture(next);
  };
  const onPointerUp = (e: PointerEvent<HTMLElement>) => {
    const outcome = release(gesture, xIn(e));
    setGesture(IDLE);
    // A drag called off is no click either.
    brushed.current = gesture.phase === 'brushing';
    if (outcome.kind === 'brush') onCommit(outcome.x0, outcome.x1);
  };
  const onClickCapture = (e: MouseEvent<HTMLElement>) => {
    if (!brushed.current) return;
    brushed.current = false;
    e.stopPropagation();
    e.preventDefault();
  };
  const brush: BrushState | null = gesture.phase === 'brushing' ? { x0: gesture.x0, x1: gesture.x1 } : null;
  return {
    brush,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: () => setGesture(IDLE),
      onClickCapture,
    },
  };
}
