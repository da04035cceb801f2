/**
 * A version's load as tasks over a few database connections: each task starts as soon as the tasks it
 * waits for are done, so one table's indexes are built while the next table is still being copied and
 * both cores stay busy. Pure scheduling: what a task does and which connection it gets is the caller's.
 */

/** When a task ran, in ms from the first task's start: the tasks overlap, so durations alone mislead. */
export interface TaskTime {
  start: number;
  end: number;
}

export interface LoadTask<C> {
  name: string;
  /** Names of tasks that must be done first. */
  after: readonly string[];
  run(connection: C): Promise<void>;
}

/**
 * Runs `tasks` at most `width` at a time, each through `withConnection`; among the ready ones, the first
 * listed goes first (list the longest first). After a failure no new task starts; those under way are
 * waited for (the caller cleans up only once nothing is writing), then the first failure is thrown.
 * Resolves to each task's start and end, in ms from the first start.
 */
export async function runTasks<C>(
  tasks: readonly LoadTask<C>[],
  width: number,
  withConnection: (work: (connection: C) => Promise<void>) => Promise<void>,
): Promise<Record<string, TaskTime>> {
  const names = new Set(tasks.map((t) => t.name));
  if (names.size !== tasks.length) throw new Error('two load tasks have the same name');
  for (const t of tasks)
    for (const a of t.after) if (!names.has(a)) throw new Error(`load task ${t.name} waits for unknown ${a}`);
  const pending = [...tasks];
  const done = new Set<string>();
  const times: Record<string, TaskTime> = {};
  const t0 = performance.now();
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => {};
  let changed = new Promise<void>((r) => (wake = r));
  const notify = () => {
    const w = wake;
    changed = new Promise<void>((r) => (wake = r));
    w();
  };
  let running = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (failure) return;
      const at = pending.findIndex((t) => t.after.every((a) => done.has(a)));
      if (at < 0) {
        // Nothing ready: wait for a running task to finish, unless none is (then nothing ever will be).
        if (pending.length === 0 || running === 0) return;
        await changed;
        continue;
      }
      const [task] = pending.splice(at, 1);
      running++;
      const start = performance.now() - t0;
      try {
        await withConnection((c) => task!.run(c));
        times[task!.name] = { start, end: performance.now() - t0 };
        done.add(task!.name);
      } catch (error) {
        failure ??= { error };
      } finally {
        running--;
        notify();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  if (failure) throw failure.error;
  if (pending.length > 0) throw new Error(`load tasks never ready: ${pending.map((t) => t.name).join(', ')}`);
  return times;
}
