/**
 * Id to row, in many small maps rather than one large one. A JavaScript Map that grows past a few hundred
 * thousand keys rehashes them all at once: 100-250 ms in one task in the browser, while a large dataset
 * loads. Spread over 64 maps by a cheap hash of the id's last characters, no single rehash is large.
 */
const SHARDS = 64;

const shardOf = (id: string): number => {
  const n = id.length;
  return (id.charCodeAt(n - 1) * 31 + (n > 1 ? id.charCodeAt(n - 2) * 7 : 0) + n) & (SHARDS - 1);
};

export class IdIndex {
  private readonly shards: Array<Map<string, number>> = Array.from({ length: SHARDS }, () => new Map());

  /** Builds the index of a list of ids at once (the last row wins for a repeated id). */
  static of(ids: readonly string[]): IdIndex {
    const index = new IdIndex();
    for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
    return index;
  }

  set(id: string, row: number): void {
    this.shards[shardOf(id)]!.set(id, row);
  }

  get(id: string): number | undefined {
    return id.length === 0 ? undefined : this.shards[shardOf(id)]!.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Distinct ids held. */
  get size(): number {
    let n = 0;
    for (const m of this.shards) n += m.size;
    return n;
  }
}
