/** A "Fit the drawing" page made from a scene, as the app makes it: laid out, the drawing placed, labels set apart, written as SVG. */
import { NO_PAGE_TEXTS, composePages, type PageInput, type PagesResult } from '../../src/model/export/page';
import { placeLabels, type PlacedLabels } from '../../src/model/export/page-labels';
import { toPageSVG } from '../../src/model/export/page-svg';
import { placeScene, type Placed } from '../../src/model/export/place-scene';
import { approxMeasure, type DrawOp, type Scene } from '../../src/model/export/scene';

export interface FitPage extends PagesResult {
  placed: Placed;
  labels: PlacedLabels;
  /** One SVG a page, the first with the drawing. */
  svgs: string[];
}

export function fitPage(
  scene: Scene,
  over: Partial<Omit<PageInput, 'page'>> & { scale?: number; maxSide?: number } = {},
): FitPage {
  const { scale = 1, maxSide = 8000, ...rest } = over;
  const { x1, y1, x2, y2 } = scene.bounds;
  const result = composePages({
    page: { drawing: { width: x2 - x1, height: y2 - y1 }, scale, maxSide },
    texts: NO_PAGE_TEXTS,
    legend: null,
    citations: null,
    sources: [],
    defaultSourceLine: 'The dataset',
    defaultDate: '2026-12-06',
    link: 'https://example.org/?dataset=x#v=1',
    overflow: 'continue',
    measure: approxMeasure,
    ...rest,
  });
  const box = result.pages[0]!.graph!;
  const placed = placeScene(scene, box);
  const labels = placeLabels(placed.scene, box, approxMeasure);
  const svgs = result.pages.map((page, i) =>
    toPageSVG({
      page,
      scene: i === 0 ? placed.scene : null,
      labels: i === 0 ? labels.ops : [],
      background: '#ffffff',
      title: 'A <title> & "more"',
    }),
  );
  return { ...result, placed, labels, svgs };
}

export const textsOf = (ops: DrawOp[]) => ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
