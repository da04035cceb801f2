/** A read-only map from id to record over columns: records are built when asked for, never all kept. */

/**
 * `build`, remembering what it built lately: the same row gives the same object while it is in use (React
 * compares by identity), without keeping every record of a large dataset alive. Two generations of up to
 * `limit` records each: when the newer fills up it becomes the older and the older is dropped, so records
 * are not evicted one by one, and a hub's 26k records cost two map writes each, not a churn.
 */
export function recentlyBuilt<V>(
  build: (i: number) => V | undefined,
  limit: number,
): (i: number) => V | undefined {
  let newer = new Map<number, V>();
  let older = new Map<number, V>();
  return (i) => {
    let v = newer.get(i);
    if (v !== undefined) return v;
    v = older.get(i) ?? build(i);
    if (v === undefined) return undefined;
    if (newer.size >= limit) {
      older = newer;
      newer = new Map();
    }
    newer.set(i, v);
    return v;
  };
}

export interface RecordMap<V> {
  readonly size: number;
  get(id: string): V | undefined;
  has(id: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<V>;
  [Symbol.iterator](): IterableIterator<[string, V]>;
}

/**
 * `at(i)` builds the record at index i, or undefined while it cannot be built yet (a quote before its
 * evidence is loaded); such ids are left out of iteration, so iteration and `get` always agree.
 */
export function recordMap<V>(
  ids: readonly string[],
  indexOf: (id: string) => number | undefined,
  at: (i: number) => V | undefined,
): RecordMap<V> {
  function* entries(): IterableIterator<[string, V]> {
    for (let i = 0; i < ids.length; i++) {
      const v = at(i);
      if (v !== undefined) yield [ids[i]!, v];
    }
  }
  const get = (id: string) => {
    const i = indexOf(id);
    return i === undefined ? undefined : at(i);
  };
  return {
    size: ids.length,
    get,
    has: (id) => get(id) !== undefined,
    *keys() {
      for (const [id] of entries()) yield id;
    },
    *values() {
      for (const [, v] of entries()) yield v;
    },
    [Symbol.iterator]: entries,
  };
}
