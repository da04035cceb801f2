/** SVG path data for Cytoscape's node shapes (the ones the stylesheet uses; others fall back to a rectangle), usable in SVG and in a canvas Path2D. */
import { formatNumber as f } from './xml';

/** Regular polygons as Cytoscape builds them: the same start angle, then stretched to fill the node's box. */
function ngon(sides: number): Array<[number, number]> {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const raw = Array.from({ length: sides }, (_, i): [number, number] => [
    Math.cos(start + i * step),
    -Math.sin(start + i * step),
  ]);
  const xs = raw.map((p) => p[0]);
  const ys = raw.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return raw.map(([x, y]) => [((x - x0) / (x1 - x0)) * 2 - 1, ((y - y0) / (y1 - y0)) * 2 - 1]);
}

const CUT = 0.44;
const UNIT_POLYGONS: Record<string, Array<[number, number]>> = {
  triangle: ngon(3),
  hexagon: ngon(6),
  octagon: ngon(8),
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  'cut-rectangle': [
    [-1 + CUT, -1],
    [1 - CUT, -1],
    [1, -1 + CUT],
    [1, 1 - CUT],
    [1 - CUT, 1],
    [-1 + CUT, 1],
    [-1, 1 - CUT],
    [-1, -1 + CUT],
  ],
};

const polygonPath = (points: Array<[number, number]>) =>
  `M${points.map(([x, y]) => `${f(x)} ${f(y)}`).join(' L')} Z`;

function roundedRectPath(l: number, t: number, w: number, h: number, r: number): string {
  const [R, B] = [l + w, t + h];
  return [
    `M${f(l + r)} ${f(t)}`,
    `H${f(R - r)} A${f(r)} ${f(r)} 0 0 1 ${f(R)} ${f(t + r)}`,
    `V${f(B - r)} A${f(r)} ${f(r)} 0 0 1 ${f(R - r)} ${f(B)}`,
    `H${f(l + r)} A${f(r)} ${f(r)} 0 0 1 ${f(l)} ${f(B - r)}`,
    `V${f(t + r)} A${f(r)} ${f(r)} 0 0 1 ${f(l + r)} ${f(t)} Z`,
  ].join(' ');
}

/** Path data outlining `shape` centred on (cx, cy) with the given box. */
export function shapePath(shape: string, cx: number, cy: number, w: number, h: number): string {
  const base = shape.replace(/^round-/, '');
  const unit = UNIT_POLYGONS[base];
  if (unit) return polygonPath(unit.map(([x, y]) => [cx + (x * w) / 2, cy + (y * h) / 2]));
  const [l, t] = [cx - w / 2, cy - h / 2];
  if (base === 'ellipse') {
    const [rx, ry] = [w / 2, h / 2];
    return `M${f(l)} ${f(cy)} A${f(rx)} ${f(ry)} 0 1 0 ${f(l + w)} ${f(cy)} A${f(rx)} ${f(ry)} 0 1 0 ${f(l)} ${f(cy)} Z`;
  }
  if (base === 'barrel') return roundedRectPath(l, t, w, h, Math.min(w, h) * 0.3);
  if (shape === 'round-rectangle') return roundedRectPath(l, t, w, h, Math.min(w / 4, h / 4, 8));
  return polygonPath([
    [l, t],
    [l + w, t],
    [l + w, t + h],
    [l, t + h],
  ]);
}
