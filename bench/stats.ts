/** Latency summaries: percentiles over per-query samples, in milliseconds. */

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the value below which p% of samples fall, always an observed sample.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** Runs `fn` once per item and returns per-call milliseconds; warm-up calls first so the JIT has settled. */
export function timeEach<T>(
  items: readonly T[],
  fn: (item: T) => unknown,
  warmup = Math.min(50, items.length),
): number[] {
  for (let i = 0; i < warmup; i++) fn(items[i % items.length]!);
  return items.map((item) => {
    const t = performance.now();
    fn(item);
    return performance.now() - t;
  });
}

export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

export const mb = (bytes: number): number => bytes / (1024 * 1024);
