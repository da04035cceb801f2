/**
 * SVG of one page of a page export. Everything is written in page coordinates (the scene already placed, labels
 * as positioned text): no transform attribute at all, so librsvg, ImageMagick and Inkscape draw what Chromium does.
 */
import type { PageLayout } from './page';
import type { DrawOp, Measure, Scene } from './scene';
import { edgeSvg, FONT_FAMILY, nodeSvg, opSvg } from './svg';
import { attrs, escapeXml, formatNumber as f } from './xml';

export interface PageSvgInput {
  page: PageLayout;
  /** The placed scene, on the first page only; its labels are drawn from `labels`, not from the scene. */
  scene: Scene | null;
  labels: DrawOp[];
  background: string | null;
  title: string;
  measure: Measure;
}

export function toPageSVG({ page, scene, labels, background, title, measure }: PageSvgInput): string {
  const { width, height, unit } = page;
  const bare = scene && {
    ...scene,
    nodes: scene.nodes.map((n) => ({ ...n, label: '' })),
    edges: scene.edges.map(({ label: _label, ...e }) => e),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // Pixel size outside, layout size inside: the viewBox does the page's one scaling.
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width: Math.round(width * unit), height: Math.round(height * unit), viewBox: `0 0 ${f(width)} ${f(height)}`, 'font-family': FONT_FAMILY })}>`,
    `<title>${escapeXml(title)}</title>`,
    background ? `<rect${attrs({ width, height, fill: background })}/>` : '',
    bare ? `<g id="graph"><g id="edges">${bare.edges.map((e) => edgeSvg(e, measure)).join('')}</g>` : '',
    bare ? `<g id="nodes">${bare.nodes.map((n) => nodeSvg(n, measure)).join('')}</g>` : '',
    bare ? `<g id="labels">${labels.map(opSvg).join('')}</g></g>` : '',
    `<g id="page">${page.ops.map(opSvg).join('')}</g>`,
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
