/** Where the drawn entities sit: its own field, so moving nodes changes nothing that depends on what is shown. */
import type { Point, Positions } from '../view-state';
import type { Slice } from './types';

export interface PositionsState {
  positions: Positions;
}

export interface PositionsActions {
  /** Positions reported by the canvas after a layout or a drag; not an undoable step on its own. */
  recordPositions(positions: ReadonlyMap<string, Point>): void;
}

export const INITIAL_POSITIONS: PositionsState = { positions: new Map() };

export const createPositionsSlice: Slice<PositionsState & PositionsActions> = (set, get) => ({
  ...INITIAL_POSITIONS,
  recordPositions(reported) {
    const { view, positions } = get();
    const merged = new Map(positions);
    for (const [id, p] of reported) if (view.visible.has(id)) merged.set(id, p);
    set({ positions: merged });
  },
});
