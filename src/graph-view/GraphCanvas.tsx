/** Owns the Cytoscape instance: creates it, binds the controllers, hands its owner a handle (never the core), and destroys it on unmount. */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { nextTask } from '../lib/time-slicer';
import { useStoreApi } from '../store/context';
import { createCanvasHandle, type CanvasHandle } from './canvas-handle';
import { bindGestures } from './gestures';
import { bindBoxMode } from './box-mode';
import { bindMarks } from './sync-marks';
import { bindImportance } from './sync-importance';
import { bindPaths } from './sync-paths';
import { stylesheet } from './stylesheet';
import { bindElements } from './sync-elements';
import { bindSelection, centreIfOffscreen } from './sync-selection';

export function GraphCanvas({ onReady }: { onReady?: (canvas: CanvasHandle | null) => void }) {
  const store = useStoreApi();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: stylesheet(),
      minZoom: 0.08,
      maxZoom: 4,
      // A box is drawn with Shift/Ctrl held while panning stays the plain drag; box mode swaps them.
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
    // Panels opening beside the canvas change its size; Cytoscape must be told.
    // Cytoscape keeps the top-left corner when its box changes; keeping the centre instead means a panel
    // opening on either side does not push the drawing off screen.
    let size = { w: cy.width(), h: cy.height() };
    const resize = new ResizeObserver(() => {
      cy.resize();
      const next = { w: cy.width(), h: cy.height() };
      if (size.w > 0 && size.h > 0) cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
      centreIfOffscreen(cy, store.getState().selection?.id);
    });
    resize.observe(container.current!);
    let unbind: Array<() => void> = [];
    let live = true;
    // The first sync (elements, layout request, emphasis) waits for a task of its own: in the same task as
    // React's mount of the explorer it made one task of about 300 ms on a large dataset.
    void nextTask().then(() => {
      if (!live) return;
      unbind = [
        bindElements(cy, store),
        bindSelection(cy, store),
        bindGestures(cy, store),
        bindMarks(cy, store),
        bindBoxMode(cy, store),
        bindPaths(cy, store),
        bindImportance(cy, store),
      ];
      onReady?.(createCanvasHandle(cy, store));
    });
    return () => {
      live = false;
      unbind.forEach((u) => u());
      resize.disconnect();
      onReady?.(null);
      cy.destroy();
    };
  }, [store, onReady]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph-canvas"
      aria-label="Graph canvas"
      role="img"
    />
  );
}
