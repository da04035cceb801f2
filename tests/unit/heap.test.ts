/**
 * Memory for validate and db:import (scripts/heap.ts, scripts/with-heap.ts): the work runs with a heap sized
 * to the machine, a dataset that cannot fit is refused with one sentence, and running out of heap all the
 * same ends in one sentence rather than V8's report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetBytes, heapFlags, heapSetByUser, heapShortfall, outOfMemory } from '../../scripts/heap';
import { generateDataset } from '../../scripts/synthetic/generate';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GB = 2 ** 30;
const scratch = mkdtempSync(join(tmpdir(), 'threadline-heap-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment without any heap setting the test run itself may carry. */
const env = (nodeOptions?: string) => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.NODE_OPTIONS;
  if (nodeOptions) e.NODE_OPTIONS = nodeOptions;
  return e;
};
/** How `npm run validate` / `npm run db:import` start: the launcher with the script after it. */
const launch = (args: string[], nodeOptions?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/with-heap.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: env(nodeOptions),
  });

describe('heap sizing', () => {
  it('gives the work three quarters of the machine unless a heap was set', () => {
    expect(heapFlags([], undefined, 16 * GB)).toEqual([
      '--max-old-space-size=12288',
      '--max-semi-space-size=64',
    ]);
    expect(heapFlags([], '--max-old-space-size=2048', 16 * GB)).toEqual(['--max-semi-space-size=64']);
    expect(heapFlags(['--max-old-space-size=900', '--max-semi-space-size=8'], '', 16 * GB)).toEqual([]);
    expect(heapSetByUser([], '--enable-source-maps --max-old-space-size=3000')).toBe(3000);
  });

  it('refuses up front only a dataset sure not to fit, saying its size and what to set', () => {
    expect(heapShortfall('big', 0.5 * GB, 4 * GB, 23 * GB)).toBeUndefined();
    const refusal = heapShortfall('big', 2.3 * GB, 4 * GB, 23 * GB)!;
    expect(refusal).toMatch(/^big: the dataset is 2\.3 GB on disk and takes about 14\.9 GB of memory/);
    expect(refusal).toContain("Node's heap is limited to 4.0 GB");
    expect(refusal).toContain('run it with NODE_OPTIONS=--max-old-space-size=15360');
    // More than this machine can give: it says so, rather than suggest a heap the machine lacks.
    expect(heapShortfall('huge', 10 * GB, 4 * GB, 23 * GB)).toMatch(
      /needs a machine with more than 86\.7 GB of memory \(this one has 23\.0 GB\)/,
    );
  });

  it('after running out, asks for more than the heap that was not enough', () => {
    expect(outOfMemory('d', 100 * 2 ** 20, 4 * GB, 23 * GB)).toMatch(
      /^d: ran out of memory \(Node's heap is limited to 4\.0 GB; the dataset is 100 MB on disk.*NODE_OPTIONS=--max-old-space-size=6144$/,
    );
  });

  it('counts a dataset folder’s files, and a compact index with its evidence file', () => {
    const folder = join(scratch, 'sized');
    mkdirSync(join(folder, 'sources'), { recursive: true });
    writeFileSync(join(folder, 'dataset.json'), 'x'.repeat(100));
    writeFileSync(join(folder, 'sources', 'a.txt'), 'y'.repeat(50));
    expect(datasetBytes(folder)).toBe(150);
    writeFileSync(join(scratch, 'c.json'), 'z'.repeat(10));
    writeFileSync(join(scratch, 'c.evidence.json'), 'z'.repeat(7));
    expect(datasetBytes(join(scratch, 'c.json'))).toBe(17);
  });
});

describe('the launcher', { timeout: 60_000 }, () => {
  it('runs the work with a heap sized to the machine', () => {
    const probe = join(scratch, 'probe.ts');
    writeFileSync(
      probe,
      "import { getHeapStatistics } from 'node:v8';\nconsole.log(getHeapStatistics().heap_size_limit);\n",
    );
    const run = launch([probe]);
    expect(run.status).toBe(0);
    // Node's own default is about 4 GB whatever the machine; the launcher's is 3/4 of it.
    expect(Number(run.stdout.trim()) / totalmem()).toBeGreaterThan(0.74);
    // A heap set by hand is kept.
    expect(Number(launch([probe], '--max-old-space-size=500').stdout.trim()) / 2 ** 20).toBeLessThan(1024);
  });

  it('replaces V8’s out-of-memory report with one sentence', () => {
    const hog = join(scratch, 'hog.ts');
    writeFileSync(
      hog,
      'const keep: string[][] = [];\nfor (;;) keep.push(Array.from({ length: 1e5 }, (_, i) => `x${i}${keep.length}`));\n',
    );
    const run = launch([hog], '--max-old-space-size=96');
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /hog\.ts: ran out of memory \(Node's heap is limited to \d+ MB.*NODE_OPTIONS=--max-old-space-size=\d+$/,
    );
  });

  it('npm run validate refuses a dataset too large for the heap in one sentence', () => {
    const folder = join(scratch, 'generated');
    for (const [path, text] of generateDataset({ entities: 10000, relations: 50000, seed: 4 }).files) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    const run = launch(['scripts/validate.ts', folder], '--max-old-space-size=32 --max-semi-space-size=1');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /generated: the dataset is \d+ MB on disk and takes about \d+ MB of memory to validate and import, but Node's heap is limited to \d+ MB: run it with NODE_OPTIONS=--max-old-space-size=1024$/,
    );
  });
});
