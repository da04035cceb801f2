/** Image export of the drawn subgraph: the canvas's export snapshot, as a PNG composed with legend and citations on a 2D canvas, or as SVG written from its scene. */
import type { CanvasHandle } from '../../graph-view/canvas-handle';
import { citationsOf, sourceCitationsOf } from '../../model/export/citations';
import { compose, type Composition } from '../../model/export/composition';
import { buildExportGraph, type ExportGraph } from '../../model/export/export-graph';
import { exportFileName, FORMAT_INFO } from '../../model/export/formats';
import { legendOf } from '../../model/export/legend';
import type { Scene } from '../../model/export/scene';
import { toSVG } from '../../model/export/svg';
import { scopeSubgraph } from '../../model/export/scope';
import { selectExportLooks, selectSubgraph } from '../../store/selectors';
import type { ThreadlineState } from '../../store/store';
import { shareLink } from '../share/saved-view';
import { canvasMeasure } from './canvas-measure';
import { ExportError, MAX_IMAGE_SIDE, type ImageOptions } from './image-options';
import { paintIcons, paintOps } from './paint-ops';
import { exportPages } from './export-page';
import { blankCanvas, encodePng, hasInk } from './png-canvas';

export interface ImageFile {
  fileName: string;
  mime: string;
  blob: Blob;
  /** Pixel size of a PNG, or the SVG's viewBox size. */
  width: number;
  height: number;
  /** The scale actually used (below the one asked for when the image had to fit MAX_IMAGE_SIDE). */
  scale: number;
  /** A page export's further pages (its evidence, continued): downloaded with it as "…-page2.png" and on. */
  more: ImageFile[];
}

function caption(graph: ExportGraph, focusName: string | null, date: Date): string {
  const what = focusName ? `around ${focusName}` : 'explored view';
  return `${graph.dataset.title} · ${what} · ${graph.nodes.length} entities, ${graph.edges.length} relations · exported from Threadline on ${date.toISOString().slice(0, 10)}`;
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
    if (options.page !== 'drawing')
      return await exportPages({
        snapshot,
        graph,
        options,
        preset: options.page,
        fileName,
        background,
        measure,
        link: shareLink(state),
      });
    const { bounds, scene } = snapshot;
    const composition = compose({
      graphWidth: Math.ceil(bounds.x2 - bounds.x1),
      graphHeight: Math.ceil(bounds.y2 - bounds.y1),
      legend: options.legend ? legendOf(graph) : null,
      citations: options.citations ? citationsOf(graph) : null,
      ...(options.citations ? { sources: sourceCitationsOf(graph) } : {}),
      caption: caption(graph, focus ? (model.entities.get(focus)?.name ?? focus) : null, new Date()),
      measure,
    });
    if (options.format === 'svg') {
      const svg = toSVG({
        scene,
        composition,
        background,
        title: `${graph.dataset.title}${focus ? ` — ${model.entities.get(focus)?.name ?? focus}` : ''}`,
        measure,
      });
      const blob = new Blob([svg], { type: FORMAT_INFO.svg.mime });
      return {
        fileName,
        mime: FORMAT_INFO.svg.mime,
        blob,
        width: composition.width,
        height: composition.height,
        scale: 1,
        more: [],
      };
    }
    const scale = Math.min(options.scale, MAX_IMAGE_SIDE / Math.max(composition.width, composition.height));
    const graphImage = snapshot.image(composition.graph.width * scale, composition.graph.height * scale);
    const blob = await composePng(graphImage, composition, scene, scale, background);
    return {
      fileName,
      mime: FORMAT_INFO.png.mime,
      blob,
      width: Math.ceil(composition.width * scale),
      height: Math.ceil(composition.height * scale),
      scale,
      more: [],
    };
  } finally {
    snapshot.dispose();
  }
}

async function composePng(
  graph: HTMLCanvasElement,
  composition: Composition,
  scene: Scene,
  scale: number,
  background: string | null,
): Promise<Blob> {
  if (graph.width === 0 || graph.height === 0 || !hasInk(graph))
    throw new ExportError('The browser rendered the graph blank; try a smaller scale.');
  const { canvas, ctx } = blankCanvas(
    Math.ceil(composition.width * scale),
    Math.ceil(composition.height * scale),
  );
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.drawImage(graph, Math.round(composition.graph.x * scale), Math.round(composition.graph.y * scale));
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  paintOps(ctx, composition.ops);
  const { x1, y1 } = scene.bounds;
  ctx.translate(composition.graph.x - x1, composition.graph.y - y1);
  paintIcons(ctx, scene.nodes);
  return encodePng(canvas);
}
