/**
 * Labels for a page export, placed so that none covers another or a node: each node's name tries below, above,
 * right and left of it; each edge's label tries along its line, then only its citation number ("[3]"). A label
 * with no free place is left out and counted, rather than printed over another.
 */
import type { Box } from './place-scene';
import type { DrawOp, Measure, Scene, SceneEdge, SceneNode } from './scene';
import { labelPlacement } from './svg';
import { wrapAt } from './wrap';

/** Below this a scaled-down label is unreadable; labels keep it and the placement makes room. */
export const MIN_LABEL_SIZE = 8;
const GAP = 3;
const PAD = 1.5;

export interface PlacedLabels {
  ops: DrawOp[];
  /** Every label's box, for checking that none overlaps another. */
  boxes: Box[];
  /** Labels left out for want of a free place, by what they name. */
  dropped: string[];
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, area: Box) =>
  a.x >= area.x &&
  a.y >= area.y &&
  a.x + a.width <= area.x + area.width &&
  a.y + a.height <= area.y + area.height;

interface Candidate {
  box: Box;
  lines: string[];
  size: number;
}

function textBlock(lines: string[], size: number, measure: Measure) {
  const width = Math.max(...lines.map((l) => measure(l, size))) + 2 * PAD;
  const height = lines.length * size * 1.2 + 2 * PAD;
  return { width, height };
}

function nodeCandidates(n: SceneNode, measure: Measure): Candidate[] {
  if (!n.label) return [];
  const size = Math.max(MIN_LABEL_SIZE, n.fontSize);
  const lines = wrapAt(n.label, Math.max(n.labelMaxWidth, 70), size, measure);
  const { width, height } = textBlock(lines, size, measure);
  const [hw, hh] = [n.width / 2, n.height / 2];
  return [
    { x: n.x - width / 2, y: n.y + hh + GAP },
    { x: n.x - width / 2, y: n.y - hh - GAP - height },
    { x: n.x + hw + GAP, y: n.y - height / 2 },
    { x: n.x - hw - GAP - width, y: n.y - height / 2 },
  ].map((p) => ({ box: { ...p, width, height }, lines, size }));
}

/** The point a fraction t along the edge's drawn polyline (its control points stand in for the curve). */
function along(points: SceneEdge['points'], t: number) {
  const segments = points.slice(1).map((p, i) => ({ a: points[i]!, b: p }));
  const lengths = segments.map(({ a, b }) => Math.hypot(b.x - a.x, b.y - a.y));
  let left = t * lengths.reduce((s, l) => s + l, 0);
  for (const [i, { a, b }] of segments.entries()) {
    const l = lengths[i]!;
    if (left <= l || i === segments.length - 1) {
      const f = l > 0 ? Math.min(1, left / l) : 0;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= l;
  }
  return points[0]!;
}

function edgeCandidates(e: SceneEdge, measure: Measure): Candidate[] {
  if (!e.label || e.points.length < 2) return [];
  const size = Math.max(MIN_LABEL_SIZE, e.fontSize);
  const number = /^\[[^\]]+\]/.exec(e.label)?.[0];
  const texts = number && number !== e.label ? [e.label, number] : [e.label];
  const centre = labelPlacement(e.points);
  const spots = [
    centre,
    along(e.points, 0.35),
    along(e.points, 0.65),
    along(e.points, 0.25),
    along(e.points, 0.75),
  ];
  return texts.flatMap((text) => {
    const { width, height } = textBlock([text], size, measure);
    return spots.map((p) => ({
      box: { x: p.x - width / 2, y: p.y - height / 2, width, height },
      lines: [text],
      size,
    }));
  });
}

function labelOps(c: Candidate, color: string): DrawOp[] {
  const { box, lines, size } = c;
  return [
    { op: 'rect', x: box.x, y: box.y, w: box.width, h: box.height, fill: '#ffffff' },
    ...lines.map((text, i): DrawOp => ({
      op: 'text',
      x: box.x + PAD,
      y: box.y + PAD + size * (0.95 + i * 1.2),
      text,
      size,
      color,
    })),
  ];
}

/**
 * The boxes taken so far, filed by the cells of a coarse grid they touch, so a candidate is checked against its
 * neighbours only: a huge view's thousands of labels would otherwise each be checked against all the others.
 */
class TakenBoxes {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}
  private keys(b: Box): string[] {
    const keys: string[] = [];
    const [c0, c1] = [Math.floor(b.x / this.cell), Math.floor((b.x + b.width) / this.cell)];
    const [r0, r1] = [Math.floor(b.y / this.cell), Math.floor((b.y + b.height) / this.cell)];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) keys.push(`${c},${r}`);
    return keys;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((t) => overlaps(t, b)) ?? false);
  }
}

/** Node names first (they say who is drawn), then relation labels, each at its first free place within `area`. */
export function placeLabels(scene: Scene, area: Box, measure: Measure): PlacedLabels {
  // About a label's size: a box touches a few cells, a cell holds a few boxes.
  const taken = new TakenBoxes(Math.max(16, ...scene.nodes.slice(0, 1).map((n) => n.width * 3)));
  for (const n of scene.nodes)
    taken.add({ x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height });
  const boxes: Box[] = [];
  const ops: DrawOp[] = [];
  const dropped: string[] = [];
  const place = (candidates: Candidate[], color: string, name: string) => {
    if (candidates.length === 0) return;
    const free = candidates.find((c) => inside(c.box, area) && !taken.hits(c.box));
    if (!free) {
      dropped.push(name);
      return;
    }
    taken.add(free.box);
    boxes.push(free.box);
    ops.push(...labelOps(free, color));
  };
  for (const n of scene.nodes) place(nodeCandidates(n, measure), n.labelColor, n.label);
  for (const e of scene.edges) place(edgeCandidates(e, measure), e.labelColor, e.label ?? e.id);
  return { ops, boxes, dropped };
}
