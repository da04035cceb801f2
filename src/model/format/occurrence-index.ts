/**
 * Finds every occurrence of many needles (a source's quotes) in one text with a few passes over the text,
 * rather than one full scan of the text per needle.
 *
 * Each needle is sampled at three fixed-width windows (start, middle, end). One rolling-hash pass per
 * window width records where each sampled window's hash occurs in the text. A needle's candidates are
 * then the positions of its rarest window, shifted back to where the needle would start, and each is
 * confirmed character for character: a hash says where to look, never that a quote is there.
 *
 * Repetitive text ("aaaa…", one sentence pasted a thousand times) makes every window common. Callers that
 * only need to tell one occurrence from several stop at the second, and once a needle has failed a few
 * character comparisons its other candidates are first checked by a whole-needle hash read off prefix
 * hashes of the text, so each costs O(1) rather than a needle's length: work stays linear in the text.
 *
 * The index lives in typed arrays: it is built for hundreds of thousands of quotes, and per-quote
 * objects that outlive a source would pile up in the old generation until the next full GC.
 */

/** Window width: long enough that most windows of real prose are rare, short enough that quotes exceed it. */
const WIDTH = 16;
/** Windows sampled per needle: its start, middle and end. */
const WINDOWS = 3;
/** An odd multiplier, so the polynomial hash mod 2^32 does not lose low bits. */
const BASE = 0x01000193;
/** Hashes are kept to 30 bits so V8 stores them as small integers, which are cheap Map keys. */
const KEY_MASK = 0x3fffffff;
/** Bits of the filter that lets most text positions skip the Map lookup (2^20 bits = 128 KB). */
const FILTER_BITS = 20;

/** Failed comparisons a needle may make before its candidates go through the whole-needle hash first. */
const CHEAP_MISSES = 2;

export interface OccurrenceIndex {
  /**
   * The start offsets of `needles[i]` in the text, ascending, overlapping occurrences included: the
   * offsets `text.indexOf(needle, from)` visits, in UTF-16 code units; only the first `limit` of them.
   */
  occurrences(i: number, limit?: number): number[];
}

/** Work done, for tests that show it grows with the text rather than with text × quotes' lengths. */
export interface IndexWork {
  /** Candidate positions looked at. */
  candidates: number;
  /** Characters compared one by one (a needle's length per comparison). */
  compared: number;
}

export function indexOccurrences(
  text: string,
  needles: readonly string[],
  work: IndexWork = { candidates: 0, compared: 0 },
): OccurrenceIndex {
  // Equal needles share one entry; `distinct[canonical[i]]` is needles[i].
  const ids = new Map<string, number>();
  const canonical = new Int32Array(needles.length);
  const distinct: string[] = [];
  needles.forEach((needle, i) => {
    let id = ids.get(needle);
    if (id === undefined) ids.set(needle, (id = distinct.push(needle) - 1));
    canonical[i] = id;
  });

  // Each window is a slot; windows of one width with equal hashes share a slot (and so its positions).
  const slotsByWidth = new Map<number, Map<number, number>>();
  let slots = 0;
  const windowSlot = new Int32Array(distinct.length * WINDOWS);
  const windowOffset = new Int32Array(distinct.length * WINDOWS);
  distinct.forEach((needle, id) => {
    const width = Math.min(WIDTH, needle.length);
    let bySlot = slotsByWidth.get(width);
    if (!bySlot) slotsByWidth.set(width, (bySlot = new Map()));
    const last = needle.length - width;
    const broken = periodBreak(needle);
    for (let w = 0; w < WINDOWS; w++) {
      // The start, the end, and the middle, or where a repeating start of the needle stops repeating.
      const middle = broken < 0 ? last >> 1 : Math.max(0, Math.min(last, broken - (width >> 1)));
      const offset = w === 0 ? 0 : w === 2 ? last : middle;
      const key = hashAt(needle, offset, width) & KEY_MASK;
      let slot = bySlot.get(key);
      if (slot === undefined) bySlot.set(key, (slot = slots++));
      windowSlot[id * WINDOWS + w] = slot;
      windowOffset[id * WINDOWS + w] = offset;
    }
  });

  const found = new Hits();
  for (const [width, bySlot] of slotsByWidth) if (width > 0) scan(text, width, bySlot, found);
  const { starts, positions } = found.bySlot(slots);
  const count = (slot: number) => starts[slot + 1]! - starts[slot]!;

  let prefixHashes: Int32Array | undefined;
  /** Hash of text[from, from + width), as hashAt would compute it, in O(1) from the prefix hashes. */
  const hashOfText = (from: number, width: number) => {
    prefixHashes ??= hashPrefixes(text);
    return (prefixHashes[from + width]! - Math.imul(prefixHashes[from]!, power(width))) | 0;
  };

  return {
    occurrences(i, limit = Infinity) {
      const needle = distinct[canonical[i]!]!;
      // indexOf finds the empty string at every offset, the end included.
      if (needle.length === 0) return Array.from({ length: Math.min(limit, text.length + 1) }, (_, p) => p);
      // Every occurrence holds every window, so the rarest window alone names all candidates.
      const first = canonical[i]! * WINDOWS;
      let best = first;
      for (let w = first + 1; w < first + WINDOWS; w++)
        if (count(windowSlot[w]!) < count(windowSlot[best]!)) best = w;
      const slot = windowSlot[best]!;
      const offset = windowOffset[best]!;
      const hits: number[] = [];
      let misses = 0;
      let needleHash: number | undefined;
      for (let j = starts[slot]!; j < starts[slot + 1]! && hits.length < limit; j++) {
        const start = positions[j]! - offset;
        work.candidates++;
        // startsWith clamps a negative position to 0, so a window too near the text start is ruled out here.
        if (start < 0 || start + needle.length > text.length) continue;
        if (misses >= CHEAP_MISSES) {
          needleHash ??= hashAt(needle, 0, needle.length);
          if (hashOfText(start, needle.length) !== needleHash) continue;
        }
        work.compared += needle.length;
        if (text.startsWith(needle, start)) hits.push(start);
        else misses++;
      }
      return hits;
    },
  };
}

/**
 * Where a needle that starts by repeating itself ("aaaa…", a sentence twice) first breaks the pattern,
 * or -1. In repetitive text every window of the repeating part is everywhere; the window across the
 * break is what tells the needle's few real candidates from the text's many look-alikes.
 */
function periodBreak(needle: string): number {
  // The KMP failure function: the period of needle[0, i) is i - fail[i].
  const fail = new Int32Array(needle.length + 1);
  fail[0] = -1;
  for (let i = 1, k = -1; i <= needle.length; i++) {
    while (k >= 0 && needle[k] !== needle[i - 1]) k = fail[k]!;
    fail[i] = ++k;
    const period = i - 1 - fail[i - 1]!;
    // needle[0, i - 1) was at least two periods long and the character at i - 1 breaks its period.
    if (i >= 2 && fail[i - 1]! > 0 && 2 * period <= i - 1 && needle[i - 1] !== needle[i - 1 - period])
      return i - 1;
  }
  return -1;
}

/** Polynomial hash of text[from, from + width), the same value the rolling hash in `scan` reaches. */
function hashAt(text: string, from: number, width: number): number {
  let h = 0;
  for (let i = from; i < from + width; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** h[i] is the hash of text[0, i); the hash of text[a, b) is h[b] − h[a]·BASE^(b−a). */
function hashPrefixes(text: string): Int32Array {
  const h = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) h[i + 1] = (Math.imul(h[i]!, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

const powers = new Map<number, number>();
/** BASE^n mod 2^32, by squaring; needles come in few lengths, so each is worked out once. */
function power(n: number): number {
  let p = powers.get(n);
  if (p !== undefined) return p;
  p = 1;
  for (let b = BASE, e = n; e > 0; e >>= 1, b = Math.imul(b, b)) if (e & 1) p = Math.imul(p, b);
  powers.set(n, p);
  return p;
}

const bucket = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - FILTER_BITS);

/** One pass over the text: records each position whose window hashes to a key of `bySlot`, with its slot. */
function scan(text: string, width: number, bySlot: Map<number, number>, found: Hits): void {
  const n = text.length;
  if (n < width) return;
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (const key of bySlot.keys()) {
    const b = bucket(key);
    filter[b >>> 5]! |= 1 << (b & 31);
  }
  let drop = 1; // BASE^width: the weight of the character leaving the window
  for (let i = 0; i < width; i++) drop = Math.imul(drop, BASE);
  let h = hashAt(text, 0, width);
  for (let s = 0; ; s++) {
    const key = h & KEY_MASK;
    const b = bucket(key);
    if (filter[b >>> 5]! & (1 << (b & 31))) {
      const slot = bySlot.get(key);
      if (slot !== undefined) found.add(slot, s);
    }
    const next = s + width;
    if (next >= n) break;
    h = (Math.imul(h, BASE) + text.charCodeAt(next) - Math.imul(text.charCodeAt(s), drop)) | 0;
  }
}

/** (slot, position) pairs as they are found, then grouped by slot with positions kept ascending. */
class Hits {
  private pairs = new Int32Array(1024);
  private length = 0;

  add(slot: number, position: number): void {
    if (this.length + 2 > this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length++] = slot;
    this.pairs[this.length++] = position;
  }

  /** Positions of slot s are positions[starts[s] .. starts[s + 1]). */
  bySlot(slots: number): { starts: Int32Array; positions: Int32Array } {
    const starts = new Int32Array(slots + 1);
    for (let j = 0; j < this.length; j += 2) starts[this.pairs[j]! + 1]!++;
    for (let s = 0; s < slots; s++) starts[s + 1]! += starts[s]!;
    const next = starts.slice(0, slots);
    const positions = new Int32Array(this.length / 2);
    // Each width's pass finds positions in ascending order and a slot belongs to one width, so this
    // stable distribution keeps every slot's positions ascending.
    for (let j = 0; j < this.length; j += 2) positions[next[this.pairs[j]!]!++] = this.pairs[j + 1]!;
    return { starts, positions };
  }
}
