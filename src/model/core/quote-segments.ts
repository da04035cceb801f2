/** Cuts a source text into runs, each knowing which quotes cover it, so overlapping quotes can all be highlighted. */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Quotes covering this run, innermost (shortest) first. */
  quoteIds: string[];
}

export function segmentText(length: number, spans: readonly Span[]): Segment[] {
  const cuts = new Set([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const bySize = [...spans].sort((a, b) => a.end - a.start - (b.end - b.start));
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      quoteIds: bySize.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    });
  }
  return out;
}
