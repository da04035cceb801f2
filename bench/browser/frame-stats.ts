/** Frame-time statistics from requestAnimationFrame timestamps, and the longest task from Long Tasks entries. */
import { percentile } from '../stats';
import type { FrameStats } from './types';

/** Differences between consecutive timestamps; unsorted input is a caller bug, so it is rejected. */
export function frameIntervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) {
    const d = timestamps[i]! - timestamps[i - 1]!;
    if (d < 0) throw new Error('frame timestamps must be in increasing order');
    out.push(d);
  }
  return out;
}

export function frameStats(timestamps: readonly number[]): FrameStats {
  const intervals = frameIntervals(timestamps);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    durationMs: timestamps.length > 1 ? timestamps[timestamps.length - 1]! - timestamps[0]! : 0,
  };
}

export interface TaskEntry {
  start: number;
  duration: number;
}

/** The longest task that started before `until` (the moment the view was ready, or the run gave up). */
export function longestTask(tasks: readonly TaskEntry[], until = Infinity): number {
  return tasks.reduce((m, t) => (t.start < until ? Math.max(m, t.duration) : m), 0);
}
