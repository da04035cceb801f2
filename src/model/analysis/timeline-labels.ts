/**
 * Where each bar's label goes in one row of a timeline lane, so no label covers another bar or label: inside
 * its bar when the bar is wide enough, else to its right up to the next bar, cut short (the full text stays in
 * the bar's tooltip) when neither fits whole, and left out when even a short cut has no room.
 */

export interface LabelBar {
  /** Left edge and width on the plot, px; a bar may reach past either edge of the plot. */
  x: number;
  width: number;
  /** The label's full width, px. */
  text: number;
}

export type LabelPlace =
  | {
      where: 'inside' | 'beside';
      /** Left edge on the plot, px. */
      left: number;
      /** Room for the label, px; less than its text when cut short. */
      room: number;
      cut: boolean;
    }
  | { where: 'none' };

/** Padding inside a bar, and the gap between a bar and a label beside it or the next bar. */
export const LABEL_PAD = 4;
/** Below this, a cut label is a letter or two and an ellipsis: worse than none. */
export const MIN_LABEL = 36;

/** Labels for the bars of one row, given in any order; the plot spans [0, plotWidth]. */
export function placeLabels(bars: readonly LabelBar[], plotWidth: number): LabelPlace[] {
  const order = bars.map((_, i) => i).sort((a, b) => bars[a]!.x - bars[b]!.x || a - b);
  const places: LabelPlace[] = new Array<LabelPlace>(bars.length);
  // How far right the bars placed so far reach: a bar under an earlier one (a crowded row) gets no label.
  let reach = -Infinity;
  order.forEach((i, k) => {
    const bar = bars[i]!;
    const left = Math.max(bar.x, 0);
    const right = Math.min(bar.x + bar.width, plotWidth);
    const covered = reach > bar.x;
    reach = Math.max(reach, bar.x + bar.width);
    if (right <= left || covered) {
      places[i] = { where: 'none' };
      return;
    }
    // The next bar that starts after this one begins: a label beside this bar must end before it.
    let next = plotWidth;
    for (let j = k + 1; j < order.length; j++) {
      const x = bars[order[j]!]!.x;
      if (x > bar.x) {
        next = Math.min(next, x);
        break;
      }
    }
    // A bar that starts under this one (a crowded row) ends the room inside it too.
    const inside = Math.min(right, next - LABEL_PAD) - left - 2 * LABEL_PAD;
    const beside = next - LABEL_PAD - (right + LABEL_PAD);
    if (bar.text <= inside) places[i] = { where: 'inside', left: left + LABEL_PAD, room: inside, cut: false };
    else if (bar.text <= beside)
      places[i] = { where: 'beside', left: right + LABEL_PAD, room: beside, cut: false };
    else if (inside >= MIN_LABEL && inside >= beside)
      places[i] = { where: 'inside', left: left + LABEL_PAD, room: inside, cut: true };
    else if (beside >= MIN_LABEL)
      places[i] = { where: 'beside', left: right + LABEL_PAD, room: beside, cut: true };
    else places[i] = { where: 'none' };
  });
  return places;
}
