/**
 * Zooming and panning the timeline by hand: the wheel zooms about the pointer (a trackpad's pinch arrives as
 * a wheel with Ctrl), a sideways wheel or Shift+wheel pans; on a touch screen one finger pans and two pinch.
 * A mouse drag stays the brush (use-brush.ts), which ignores touch.
 */
import { useEffect, useRef, type RefObject } from 'react';

export interface ZoomHandlers {
  /** factor below 1 zooms in; anchor is where on the plot (0 left, 1 right) stays put. */
  zoom(factor: number, anchor: number): void;
  /** By a fraction of the window's length; positive moves to later dates. */
  pan(fraction: number): void;
}

const LINE = 16;

export function useZoomGestures(ref: RefObject<HTMLElement | null>, handlers: ZoomHandlers): void {
  // The latest handlers, read by listeners bound once.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fractionAt = (clientX: number) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 ? Math.min(1, Math.max(0, (clientX - box.left) / box.width)) : 0.5;
    };
    const onWheel = (e: WheelEvent) => {
      const scale = e.deltaMode === 1 ? LINE : e.deltaMode === 2 ? el.clientWidth : 1;
      const dx = e.deltaX * scale;
      const dy = e.deltaY * scale;
      if (dx === 0 && dy === 0) return;
      e.preventDefault();
      const width = Math.max(el.clientWidth, 1);
      if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) latest.current.pan((e.shiftKey ? dy || dx : dx) / width);
      else latest.current.zoom(Math.exp(dy * 0.0015), fractionAt(e.clientX));
    };
    const touches = new Map<number, number>();
    let pinch: { distance: number } | null = null;
    const spread = () => {
      const [a, b] = [...touches.values()];
      return a === undefined || b === undefined ? 0 : Math.abs(a - b);
    };
    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      touches.set(e.pointerId, e.clientX);
      pinch = touches.size === 2 ? { distance: spread() } : null;
    };
    const onMove = (e: PointerEvent) => {
      const before = touches.get(e.pointerId);
      if (e.pointerType !== 'touch' || before === undefined) return;
      touches.set(e.pointerId, e.clientX);
      const width = Math.max(el.clientWidth, 1);
      if (touches.size === 1) latest.current.pan(-(e.clientX - before) / width);
      else if (pinch && touches.size === 2) {
        const now = spread();
        if (now > 8 && pinch.distance > 8) {
          const [a, b] = [...touches.values()];
          latest.current.zoom(pinch.distance / now, fractionAt(((a ?? 0) + (b ?? 0)) / 2));
          pinch = { distance: now };
        }
      }
    };
    const onUp = (e: PointerEvent) => {
      touches.delete(e.pointerId);
      pinch = null;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
  }, [ref]);
}
