/**
 * The entities marked in the view (Shift-click, box), which a 'selection' export covers. Read through this one
 * function so the export works before and after the store has the field: a store without it has marked nothing.
 */
import type { ThreadlineState } from '../../store/store';

const NONE: ReadonlySet<string> = new Set();

export const selectMarked = (s: ThreadlineState): ReadonlySet<string> =>
  (s as { marked?: ReadonlySet<string> }).marked ?? NONE;
