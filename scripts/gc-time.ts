/** Time the main thread spends in garbage collection, by kind: what `db:import --times` and the import benches report. */
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/**
 * Counts from now until stop(). GC entries reach an observer only once the event loop turns, so stop()
 * waits for that: work that never yields (validation) is counted too.
 */
export function gcDuring(): { stop(): Promise<Record<string, number>> } {
  const ms: Record<string, number> = {};
  const add = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      const kind = KINDS[(e as PerformanceEntry & { detail: { kind: number } }).detail.kind] ?? 'other';
      ms[kind] = (ms[kind] ?? 0) + e.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      await new Promise((r) => setImmediate(r));
      add(observer.takeRecords());
      observer.disconnect();
      return ms;
    },
  };
}

export const gcLine = (ms: Record<string, number>): string =>
  Object.entries(ms)
    .map(([kind, t]) => `${kind} ${(t / 1000).toFixed(1)} s`)
    .join(', ') || 'none';
