/** The child side of runChild: reads the input from argv, writes the result where the parent looks for it. */
import { writeFileSync } from 'node:fs';

export async function runTask<I extends object, O>(fn: (input: I) => O | Promise<O>): Promise<void> {
  const { resultFile, ...input } = JSON.parse(process.argv[2] ?? '{}') as I & { resultFile: string };
  const result = await fn(input as unknown as I);
  writeFileSync(resultFile, JSON.stringify(result));
}

/** Peak resident memory of this process so far, in bytes. */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Full collection before a heap reading, when the process runs with --expose-gc. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

export const log = (message: string): void => {
  process.stderr.write(`    ${message}\n`);
};
