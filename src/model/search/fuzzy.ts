/** Bounded edit distance for typo-tolerant search: gives up as soon as the bound is exceeded. */

// Reused between calls: search runs on every keystroke, and typo candidates are short words.
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let row = new Int32Array(64);

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours) between
 * `a` and `b` if it is at most `max`, else -1.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return -1;
  if (m + 1 > row.length) {
    prev2 = new Int32Array(m + 1);
    prev = new Int32Array(m + 1);
    row = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    // Every later row is at least this row's minimum, so the bound cannot be met any more.
    if (best > max) return -1;
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  const d = prev[m]!;
  return d <= max ? d : -1;
}
