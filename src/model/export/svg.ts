/**
 * SVG pieces of an exported page, written from plain positioned nodes and edges: vector shapes, real text, one <g>
 * per element carrying its id. Labels are not drawn here: page-labels.ts places them apart, as draw operations.
 */
import type { DrawOp, Point, SceneEdge, SceneNode } from './scene';
import { shapePath } from './shapes';
import { attrs, escapeXml, formatNumber as f } from './xml';

export const FONT_FAMILY = 'Inter, system-ui, sans-serif';
const ARROW_LENGTH = 8;
const ARROW_HALF_WIDTH = 4;

/** Element ids are slugs; "_" never occurs in them, so "<kind>_<id>" can neither clash nor start with a digit. */
const groupId = (kind: string, id: string) => `${kind}_${id.replace(/[^A-Za-z0-9_.-]/g, '-')}`;

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** The path Cytoscape draws: a line, or quadratic Béziers through the control points joined at their midpoints. */
export function edgePath(points: Point[]): string {
  const start = points[0];
  const end = points[points.length - 1];
  if (!start || !end) return '';
  const controls = points.slice(1, -1);
  let d = `M${f(start.x)} ${f(start.y)}`;
  if (controls.length === 0) return `${d} L${f(end.x)} ${f(end.y)}`;
  controls.forEach((c, i) => {
    const next = controls[i + 1];
    const to = next ? mid(c, next) : end;
    d += ` Q${f(c.x)} ${f(c.y)} ${f(to.x)} ${f(to.y)}`;
  });
  return d;
}

/** Where an edge's label sits first: the middle of its curve, as Cytoscape puts it. */
export function labelPlacement(points: Point[]): Point {
  const start = points[0]!;
  const end = points[points.length - 1]!;
  const controls = points.slice(1, -1);
  let at = mid(start, end);
  if (controls.length === 1) {
    const c = controls[0]!;
    at = { x: 0.25 * start.x + 0.5 * c.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * c.y + 0.25 * end.y };
  } else if (controls.length > 1)
    at = mid(
      controls[Math.floor((controls.length - 1) / 2)]!,
      controls[Math.ceil((controls.length - 1) / 2)]!,
    );
  return at;
}

export function edgeSvg(e: SceneEdge): string {
  if (e.points.length < 2) return '';
  const points = e.points.map((p) => ({ ...p }));
  const parts: string[] = [];
  const tip = points[points.length - 1]!;
  const from = points[points.length - 2]!;
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  // The line stops at the arrow's base so its end does not poke through the tip.
  if (e.arrow) points[points.length - 1] = { x: tip.x - ux * ARROW_LENGTH, y: tip.y - uy * ARROW_LENGTH };
  parts.push(
    `<path${attrs({
      d: edgePath(points),
      fill: 'none',
      stroke: e.color,
      'stroke-width': e.width,
      'stroke-dasharray': e.dash?.map(f).join(' '),
    })}/>`,
  );
  if (e.arrow) {
    const base = { x: tip.x - ux * ARROW_LENGTH, y: tip.y - uy * ARROW_LENGTH };
    const corner = (s: number) =>
      `${f(base.x - uy * ARROW_HALF_WIDTH * s)},${f(base.y + ux * ARROW_HALF_WIDTH * s)}`;
    parts.push(
      `<polygon${attrs({ points: `${f(tip.x)},${f(tip.y)} ${corner(1)} ${corner(-1)}`, fill: e.color })}/>`,
    );
  }
  const classes = ['edge', e.kind, e.status].filter(Boolean).join(' ');
  return `<g${attrs({ id: groupId(e.kind, e.id), class: classes, 'data-id': e.id, 'data-source': e.source, 'data-target': e.target })}>${parts.join('')}</g>`;
}

export function nodeSvg(n: SceneNode): string {
  const parts = [
    `<path${attrs({
      d: shapePath(n.shape, n.x, n.y, n.width, n.height),
      fill: n.fill,
      stroke: n.stroke,
      'stroke-width': n.strokeWidth,
      // The rounded variants get rounded joins, close to Cytoscape's small corner radius.
      'stroke-linejoin': n.shape.startsWith('round-') ? 'round' : undefined,
    })}/>`,
  ];
  if (n.icon) {
    const size = Math.min(n.width, n.height) * 0.58;
    // A nested viewport scales the 24×24 icon: no transform attribute for other renderers to misread.
    parts.push(
      `<svg${attrs({ x: n.x - size / 2, y: n.y - size / 2, width: size, height: size, viewBox: '0 0 24 24' })}><path${attrs({ d: n.icon, fill: '#ffffff', 'fill-rule': 'evenodd' })}/></svg>`,
    );
  }
  return `<g${attrs({ id: groupId(n.kind, n.id), class: `node ${n.kind} ${n.type}`, 'data-id': n.id })}>${parts.join('')}</g>`;
}

export function opSvg(op: DrawOp): string {
  switch (op.op) {
    case 'text':
      return `<text${attrs({
        x: op.x,
        y: op.y,
        'font-size': op.size,
        fill: op.color,
        'font-weight': op.bold ? 'bold' : undefined,
        'font-style': op.italic ? 'italic' : undefined,
      })}>${escapeXml(op.text)}</text>`;
    case 'rect':
      return `<rect${attrs({ x: op.x, y: op.y, width: op.w, height: op.h, fill: op.fill, stroke: op.stroke })}/>`;
    case 'line':
      return `<line${attrs({ x1: op.x1, y1: op.y1, x2: op.x2, y2: op.y2, stroke: op.color, 'stroke-width': op.width, 'stroke-dasharray': op.dash?.map(f).join(' ') })}/>`;
    case 'shape':
      return `<path${attrs({ d: shapePath(op.shape, op.x, op.y, op.w, op.h), fill: op.fill })}/>`;
  }
}
