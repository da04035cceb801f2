/**
 * Every image export is a page: a preset (social card, square, A4) or one sized to the drawing ("Fit the drawing").
 * The page's layout, the graph fitted into it with its labels placed apart, as PNG or SVG, one file a page.
 */
import { citationsOf, sourceCitationsOf } from '../../model/export/citations';
import type { ExportGraph } from '../../model/export/export-graph';
import { FORMAT_INFO } from '../../model/export/formats';
import { legendOf } from '../../model/export/legend';
import { checkPageTexts, composePages, type PageLayout } from '../../model/export/page';
import { placeLabels } from '../../model/export/page-labels';
import { toPageSVG } from '../../model/export/page-svg';
import { placeScene } from '../../model/export/place-scene';
import type { DrawOp, Measure, Scene } from '../../model/export/scene';
import type { ExportSnapshot } from '../../graph-view/canvas-handle';
import type { ImageFile } from './export-image';
import { ExportError, MAX_IMAGE_SIDE, type ImageOptions } from './image-options';
import { paintIcons, paintOps } from './paint-ops';
import { blankCanvas, encodePng, hasInk } from './png-canvas';

export interface PageRequest {
  snapshot: ExportSnapshot;
  graph: ExportGraph;
  options: ImageOptions;
  fileName: string;
  background: string | null;
  measure: Measure;
  link: string | null;
}

/** "x.png" for page 1, "x-page2.png" for page 2 and on. */
export const pageFileName = (fileName: string, index: number) =>
  index === 0 ? fileName : fileName.replace(/(\.[a-z]+)$/, `-page${index + 1}$1`);

export async function exportPages(req: PageRequest): Promise<ImageFile> {
  const { snapshot, graph, options, measure } = req;
  const problems = checkPageTexts(options.texts);
  if (problems.length > 0) throw new ExportError(problems[0]);
  const { x1, y1, x2, y2 } = snapshot.bounds;
  const { pages } = composePages({
    page:
      options.page === 'drawing'
        ? {
            drawing: { width: x2 - x1, height: y2 - y1 },
            // A vector file has no pixels to multiply: its size is the layout's.
            scale: options.format === 'svg' ? 1 : options.scale,
            maxSide: MAX_IMAGE_SIDE,
          }
        : options.page,
    texts: options.texts,
    legend: options.legend ? legendOf(graph) : null,
    citations: options.citations ? citationsOf(graph) : null,
    sources: options.citations ? sourceCitationsOf(graph) : [],
    defaultSourceLine: graph.dataset.title,
    defaultDate: new Date().toISOString().slice(0, 10),
    link: req.link,
    overflow: options.overflow,
    measure,
  });
  const box = pages[0]!.graph!;
  const placed = placeScene(snapshot.scene, box);
  const { ops: labels, dropped } = placeLabels(placed.scene, box, measure);
  const title = options.texts.headline.trim() || graph.dataset.title;
  const { unit } = pages[0]!;
  const width = Math.round(pages[0]!.width * unit);
  const height = Math.round(pages[0]!.height * unit);
  // A preset has its pixels whatever the menu's scale; a Fit page has the scale it could have.
  const scale = options.page === 'drawing' ? unit : 1;
  const files = await Promise.all(
    pages.map(async (page, i): Promise<ImageFile> => {
      const scene = i === 0 ? placed.scene : null;
      const fileName = pageFileName(req.fileName, i);
      const blob =
        options.format === 'svg'
          ? new Blob(
              [
                toPageSVG({
                  page,
                  scene,
                  labels: i === 0 ? labels : [],
                  background: req.background,
                  title,
                }),
              ],
              {
                type: FORMAT_INFO.svg.mime,
              },
            )
          : await pagePng(page, scene && { scene, rect: placed.rect, labels }, snapshot, req.background);
      const mime = FORMAT_INFO[options.format].mime;
      return { fileName, mime, blob, width, height, scale, more: [], drawingScale: 1, labelsLeftOut: 0 };
    }),
  );
  return { ...files[0]!, more: files.slice(1), drawingScale: placed.scale, labelsLeftOut: dropped.length };
}

async function pagePng(
  page: PageLayout,
  drawing: {
    scene: Scene;
    rect: { x: number; y: number; width: number; height: number };
    labels: DrawOp[];
  } | null,
  snapshot: ExportSnapshot,
  background: string | null,
): Promise<Blob> {
  const { unit } = page;
  const { canvas, ctx } = blankCanvas(Math.round(page.width * unit), Math.round(page.height * unit));
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  if (drawing && drawing.rect.width >= 1 && drawing.rect.height >= 1) {
    const { rect } = drawing;
    const image = snapshot.image(rect.width * unit, rect.height * unit, { labels: false });
    if (image.width === 0 || image.height === 0 || !hasInk(image))
      throw new ExportError('The browser rendered the graph blank; try the SVG.');
    ctx.drawImage(image, rect.x * unit, rect.y * unit, rect.width * unit, rect.height * unit);
  }
  ctx.setTransform(unit, 0, 0, unit, 0, 0);
  if (drawing) {
    paintIcons(ctx, drawing.scene.nodes);
    paintOps(ctx, drawing.labels);
  }
  paintOps(ctx, page.ops);
  return encodePng(canvas);
}
