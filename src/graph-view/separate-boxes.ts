/**
 * Moves freshly laid-out nodes off every box already taken. fCoSE keeps nodes apart by force, not by
 * guarantee: a new node could come to rest on an existing one, and a click then picked the wrong node.
 * Pure geometry, no DOM.
 */
import type { Point } from '../store/view-state';

/** A node's box, centred on its position (its label included when the caller measured it so). */
export interface Box extends Point {
  id: string;
  width: number;
  height: number;
}

const CELL = 120;

/** Boxes by the grid cells they cover, so a candidate is checked against its neighbours only. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  private *cellsOf(b: Box): Generator<string> {
    const [x0, x1] = [Math.floor((b.x - b.width / 2) / CELL), Math.floor((b.x + b.width / 2) / CELL)];
    const [y0, y1] = [Math.floor((b.y - b.height / 2) / CELL), Math.floor((b.y + b.height / 2) / CELL)];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) yield `${cx},${cy}`;
  }

  add(b: Box): void {
    for (const key of this.cellsOf(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }

  /** Whether `b`, grown by `gap` on every side, meets any box in the grid. */
  hits(b: Box, gap: number): boolean {
    const grown = { ...b, width: b.width + 2 * gap, height: b.height + 2 * gap };
    for (const key of this.cellsOf(grown))
      for (const o of this.cells.get(key) ?? [])
        if (
          Math.abs(b.x - o.x) < (b.width + o.width) / 2 + gap &&
          Math.abs(b.y - o.y) < (b.height + o.height) / 2 + gap
        )
          return true;
    return false;
  }
}

/**
 * Where each moving box goes: where it is if that overlaps nothing, else the nearest free spot on rings
 * around it. Fixed boxes never move; moving ones are settled in the order given (the caller's order is
 * stable, so the result is too) and then count as taken.
 */
export function separateBoxes(fixed: readonly Box[], moving: readonly Box[], gap = 6): Map<string, Point> {
  const grid = new BoxGrid();
  fixed.forEach((b) => grid.add(b));
  const out = new Map<string, Point>();
  for (const b of moving) {
    const spot = grid.hits(b, gap) ? freeSpotNear(grid, b, gap) : b;
    const settled = { ...b, x: spot.x, y: spot.y };
    grid.add(settled);
    out.set(b.id, { x: spot.x, y: spot.y });
  }
  return out;
}

function freeSpotNear(grid: BoxGrid, b: Box, gap: number): Point {
  const step = Math.max(Math.min(b.width, b.height) / 2, 8);
  // Rings of growing radius, each walked at about one step apart; the grid is finite, so a ring far
  // enough out is always free.
  for (let ring = 1; ; ring++) {
    const r = ring * step;
    const count = Math.max(8, Math.ceil((2 * Math.PI * r) / step));
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * k) / count;
      const spot = { x: b.x + r * Math.cos(angle), y: b.y + r * Math.sin(angle) };
      if (!grid.hits({ ...b, ...spot }, gap)) return spot;
    }
  }
}
