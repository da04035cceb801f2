/** What every peer engine offers, and the loop that measures one on the shared workload within a time budget. */
import { summarize, type Latency } from '../stats';
import type { Workload } from '../workload';

export interface Engine {
  /** Entities within `hops` relations of `start`, the start excluded. */
  reach(start: string, hops: number): number | Promise<number>;
  /** Hop count of a shortest path over relations in either direction; null when none within the engine's cap. */
  distance(a: string, b: string): number | null | Promise<number | null>;
  close(): void | Promise<void>;
}

export interface QueryClass {
  latency: Latency;
  completed: number;
  total: number;
  answers: Array<number | null>;
}

export interface PeerResult {
  engine: string;
  buildMs: number;
  peakRss: number;
  hops: Record<'1' | '2' | '3', QueryClass>;
  path: QueryClass;
  notes: string[];
}

/** Runs queries in order until done or the budget is spent; a slow engine reports how far it got. */
async function measureClass<T>(
  items: readonly T[],
  run: (item: T) => unknown,
  budgetMs: number,
): Promise<QueryClass> {
  const samples: number[] = [];
  const answers: Array<number | null> = [];
  const started = performance.now();
  for (const item of items) {
    if (performance.now() - started > budgetMs) break;
    const t = performance.now();
    const answer = (await run(item)) as number | null;
    samples.push(performance.now() - t);
    answers.push(answer);
  }
  return { latency: summarize(samples), completed: samples.length, total: items.length, answers };
}

export async function measureEngine(
  engine: Engine,
  workload: Pick<Workload, 'hopStarts' | 'pathPairs'>,
  budgetMs: number,
): Promise<Pick<PeerResult, 'hops' | 'path'>> {
  // One untimed query of each kind first: caches, JIT and prepared statements warm up outside the figures.
  await engine.reach(workload.hopStarts[workload.hopStarts.length - 1]!, 1);
  const hops = {
    '1': await measureClass(workload.hopStarts, (s) => engine.reach(s, 1), budgetMs),
    '2': await measureClass(workload.hopStarts, (s) => engine.reach(s, 2), budgetMs),
    '3': await measureClass(workload.hopStarts, (s) => engine.reach(s, 3), budgetMs),
  };
  const path = await measureClass(workload.pathPairs, ([a, b]) => engine.distance(a, b), budgetMs);
  return { hops, path };
}
