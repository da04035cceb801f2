/**
 * SVG of one page of a page export. Everything is written in page coordinates (the scene already placed, labels
 * as positioned text): no transform attribute at all, so librsvg, ImageMagick and Inkscape draw what Chromium does.
 */
import type { PageLayout } from './page';
import type { DrawOp, Scene } from './scene';
import { edgeSvg, FONT_FAMILY, nodeSvg, opSvg } from './svg';
import { attrs, escapeXml, formatNumber as f } from './xml';

export interface PageSvgInput {
  page: PageLayout;
  /** The placed scene, on the first page only; its labels are drawn from `labels`, not from the scene. */
  scene: Scene | null;
  labels: DrawOp[];
  /** null for a transparent background. */
  background: string | null;
  title: string;
}

export function toPageSVG({ page, scene, labels, background, title }: PageSvgInput): string {
  const { width, height, unit } = page;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // Pixel size outside, layout size inside: the viewBox does the page's one scaling.
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width: Math.round(width * unit), height: Math.round(height * unit), viewBox: `0 0 ${f(width)} ${f(height)}`, 'font-family': FONT_FAMILY })}>`,
    `<title>${escapeXml(title)}</title>`,
    background ? `<rect${attrs({ width, height, fill: background })}/>` : '',
    // Edges under nodes, as on the canvas; the labels, placed apart, over both.
    scene ? `<g id="graph"><g id="edges">${scene.edges.map(edgeSvg).join('')}</g>` : '',
    scene ? `<g id="nodes">${scene.nodes.map(nodeSvg).join('')}</g>` : '',
    scene ? `<g id="labels">${labels.map(opSvg).join('')}</g></g>` : '',
    `<g id="page">${page.ops.map(opSvg).join('')}</g>`,
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
