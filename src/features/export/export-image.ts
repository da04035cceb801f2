/** Image export of the drawn subgraph: the scope checked, the canvas's export snapshot taken, and a page made of it (export-page.ts). */
import type { CanvasHandle } from '../../graph-view/canvas-handle';
import { buildExportGraph } from '../../model/export/export-graph';
import { exportFileName } from '../../model/export/formats';
import { scopeSubgraph } from '../../model/export/scope';
import { selectExportLooks, selectSubgraph } from '../../store/selectors';
import type { ThreadlineState } from '../../store/store';
import { shareLink } from '../share/saved-view';
import { canvasMeasure } from './canvas-measure';
import { ExportError, type ImageOptions } from './image-options';
import { exportPages } from './export-page';

export interface ImageFile {
  fileName: string;
  mime: string;
  blob: Blob;
  /** Pixel size of a PNG, or the SVG's viewBox size. */
  width: number;
  height: number;
  /** A Fit page's scale (below the one asked for when the image had to fit MAX_IMAGE_SIDE); 1 for a preset. */
  scale: number;
  /** A page export's further pages (its evidence, continued): downloaded with it as "…-page2.png" and on. */
  more: ImageFile[];
  /** How much the drawing was scaled on its page: below 1, shrunk (a huge view's Fit, or any view's preset). */
  drawingScale: number;
  /** Labels with no free place on the page, left out rather than printed over another. */
  labelsLeftOut: number;
}

export async function exportImage(
  canvas: CanvasHandle,
  state: ThreadlineState,
  options: ImageOptions,
): Promise<ImageFile> {
  const { model } = state;
  if (!model) throw new ExportError('No dataset is loaded.');
  const focus = state.selection?.kind === 'entity' ? state.selection.id : null;
  // The marked entities still drawn: a mark outlives a step that hid its entity.
  const marked = options.entityIds
    ? new Set(options.entityIds)
    : new Set([...state.marked].filter((id) => state.view.visible.has(id)));
  const scoped = scopeSubgraph(selectSubgraph(state), options.scope, marked, state.highlightedPath);
  if (!scoped.ok) throw new ExportError(scoped.reason);
  const graph = buildExportGraph(model, scoped.subgraph, {
    positions: state.positions,
    focus,
    ...selectExportLooks(state),
  });
  const snapshot = canvas.snapshot(
    new Map(graph.edges.map((e) => [e.id, e.number])),
    options.scope === 'view' ? undefined : scoped.subgraph,
  );
  if (!snapshot) throw new ExportError('The view is empty: nothing to export.');
  try {
    const measure = canvasMeasure();
    const fileName = exportFileName(graph.dataset.id, focus, options.format);
    const background = options.background === 'white' ? '#ffffff' : null;
    return await exportPages({
      snapshot,
      graph,
      options,
      fileName,
      background,
      measure,
      link: shareLink(state),
    });
  } finally {
    snapshot.dispose();
  }
}
