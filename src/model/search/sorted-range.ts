/** Binary search over sorted strings, shared by the entity typeahead and the full-text index. */

export function lowerBound(sorted: readonly string[], key: string, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the strings that start with `prefix`, as [from, to). */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(sorted, prefix);
  return [from, lowerBound(sorted, prefix + '\uffff', from)];
}
