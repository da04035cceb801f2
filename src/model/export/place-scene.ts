/**
 * A scene moved and scaled into a box of the page, its coordinates rewritten rather than wrapped in an SVG
 * transform: renderers other than browsers (ImageMagick's, older Inkscape) get nested transforms wrong.
 */
import type { Bounds, Scene } from './scene';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placed {
  /** The scene in page coordinates; sizes, strokes and font sizes scaled with it. */
  scene: Scene;
  /** Where the drawing lands: inside the box, centred, its aspect kept. */
  rect: Box;
  scale: number;
}

/** A small view is enlarged at most this much; more makes a three-node graph look like a poster of blobs. */
export const MAX_ENLARGEMENT = 2;

export function fitScale(bounds: Bounds, box: Box, max = MAX_ENLARGEMENT): number {
  const w = Math.max(1, bounds.x2 - bounds.x1);
  const h = Math.max(1, bounds.y2 - bounds.y1);
  return Math.max(0, Math.min(box.width / w, box.height / h, max));
}

export function placeScene(scene: Scene, box: Box, max = MAX_ENLARGEMENT): Placed {
  const { bounds } = scene;
  const s = fitScale(bounds, box, max);
  const width = (bounds.x2 - bounds.x1) * s;
  const height = (bounds.y2 - bounds.y1) * s;
  const rect = { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
  const px = (x: number) => rect.x + (x - bounds.x1) * s;
  const py = (y: number) => rect.y + (y - bounds.y1) * s;
  return {
    scale: s,
    rect,
    scene: {
      bounds: { x1: rect.x, y1: rect.y, x2: rect.x + width, y2: rect.y + height },
      nodes: scene.nodes.map((n) => ({
        ...n,
        x: px(n.x),
        y: py(n.y),
        width: n.width * s,
        height: n.height * s,
        strokeWidth: n.strokeWidth * s,
        fontSize: n.fontSize * s,
        labelMaxWidth: n.labelMaxWidth * s,
      })),
      edges: scene.edges.map((e) => ({
        ...e,
        points: e.points.map((p) => ({ x: px(p.x), y: py(p.y) })),
        width: e.width * s,
        fontSize: e.fontSize * s,
        ...(e.dash ? { dash: e.dash.map((d) => d * s) } : {}),
      })),
    },
  };
}
