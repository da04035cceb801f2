/** Paints a composition's draw operations (legend, citations) onto a 2D canvas, at the context's current transform. */
import type { DrawOp, SceneNode } from '../../model/export/scene';
import { shapePath } from '../../model/export/shapes';
import { canvasFont } from './canvas-measure';

export function paintOps(ctx: CanvasRenderingContext2D, ops: readonly DrawOp[]): void {
  for (const op of ops) {
    ctx.save();
    switch (op.op) {
      case 'text':
        ctx.font = `${op.italic ? 'italic ' : ''}${canvasFont(op.size, op.bold)}`;
        ctx.fillStyle = op.color;
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(op.text, op.x, op.y);
        break;
      case 'rect':
        ctx.fillStyle = op.fill;
        ctx.fillRect(op.x, op.y, op.w, op.h);
        if (op.stroke) {
          ctx.strokeStyle = op.stroke;
          ctx.strokeRect(op.x, op.y, op.w, op.h);
        }
        break;
      case 'line':
        ctx.strokeStyle = op.color;
        ctx.lineWidth = op.width;
        ctx.setLineDash(op.dash ?? []);
        ctx.beginPath();
        ctx.moveTo(op.x1, op.y1);
        ctx.lineTo(op.x2, op.y2);
        ctx.stroke();
        break;
      case 'shape':
        ctx.fillStyle = op.fill;
        ctx.fill(new Path2D(shapePath(op.shape, op.x, op.y, op.w, op.h)));
        break;
    }
    ctx.restore();
  }
}

/**
 * Cytoscape's own PNG leaves out the nodes' SVG background icons (the screen, drawn from textures, has them),
 * so they are painted here at the same place and size: 58% of the node, white, centred.
 */
export function paintIcons(ctx: CanvasRenderingContext2D, nodes: readonly SceneNode[]): void {
  for (const n of nodes) {
    if (!n.icon) continue;
    const size = Math.min(n.width, n.height) * 0.58;
    ctx.save();
    ctx.translate(n.x - size / 2, n.y - size / 2);
    ctx.scale(size / 24, size / 24);
    ctx.fillStyle = '#ffffff';
    ctx.fill(new Path2D(n.icon), 'evenodd');
    ctx.restore();
  }
}
