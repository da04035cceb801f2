/** Runs one measurement in a fresh Node process, so its timings and peak memory are its own. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildOptions {
  nodeFlags?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

export type ChildOutcome<O> = { ok: true; result: O } | { ok: false; error: string };

/** `task` is a file under bench/tasks/ or bench/peers/ that calls runTask. */
export function runChild<O>(task: string, input: object, options: ChildOptions = {}): ChildOutcome<O> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  const resultFile = join(dir, 'result.json');
  try {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        ...(options.nodeFlags ?? []),
        join(import.meta.dirname, task),
        JSON.stringify({ ...input, resultFile }),
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 30 * 60_000,
      },
    );
    if (run.error) return { ok: false, error: run.error.message };
    if (run.status !== 0) return { ok: false, error: `exited with ${run.status ?? run.signal}` };
    return { ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as O };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
