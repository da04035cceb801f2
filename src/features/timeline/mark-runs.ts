/**
 * The marks in runs of a fixed length. A change of state (a selection, a path) then re-renders the runs
 * holding the marks it touches, and React skips every other run whole instead of comparing thousands of
 * marks one by one.
 */
import type { Mark } from './timeline-layout';

const RUN_LENGTH = 64;

export interface MarkRun {
  key: string;
  marks: readonly Mark[];
}

export interface MarkRuns {
  runs: MarkRun[];
  /** Mark key → index of its run. */
  runOf: ReadonlyMap<string, number>;
}

export interface Band {
  name: string;
  marks: readonly Mark[];
}

export function splitIntoRuns(bands: readonly Band[], length = RUN_LENGTH): MarkRuns {
  const runs: MarkRun[] = [];
  const runOf = new Map<string, number>();
  for (const band of bands)
    for (let at = 0; at < band.marks.length; at += length) {
      const marks = band.marks.slice(at, at + length);
      for (const m of marks) runOf.set(m.key, runs.length);
      runs.push({ key: `${band.name}-${at}`, marks });
    }
  return { runs, runOf };
}

/** Indices of the runs holding any of these mark keys. */
export function runsHolding(runs: MarkRuns, ...keys: ReadonlySet<string>[]): Set<number> {
  const found = new Set<number>();
  for (const set of keys)
    for (const key of set) {
      const i = runs.runOf.get(key);
      if (i !== undefined) found.add(i);
    }
  return found;
}
