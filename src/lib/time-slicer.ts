/** Cooperative time slicing on the main thread: work runs until its budget is spent, then yields a task. */

/** Resolves in a new task (not a microtask), so input, rendering and messages can run in between. */
export function nextTask(): Promise<void> {
  // A MessageChannel message is not throttled like nested setTimeout calls (4 ms each after five levels).
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface TimeSlicer {
  /** Yields to the event loop if this task has used its budget; otherwise returns at once. */
  pause(): Promise<void>;
}

export function createTimeSlicer(budgetMs: number): TimeSlicer {
  let started = performance.now();
  return {
    async pause() {
      if (performance.now() - started < budgetMs) return;
      await nextTask();
      started = performance.now();
    },
  };
}
