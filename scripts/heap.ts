/**
 * Memory for the commands that hold a whole dataset (validate, db:import): Node's default heap (about 4 GB)
 * is far below what a dataset of millions of relations needs, and running out of it ends in a V8 stack
 * trace. These size the heap to the machine, and say in one sentence when a dataset will not fit.
 */
import { readdirSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { displayPath } from './dataset-files';

/**
 * Heap a dataset takes while validated and imported, per byte of its files on disk: 5.6 at 1M relations
 * (449 MB → 2.5 GB after validation), 6.3 at 5M (2.3 GB → a 14.6 GB peak); see docs/performance.md.
 */
export const HEAP_PER_BYTE = 6.5;
/** Below this many bytes per byte on disk a dataset is sure not to fit: only then is it refused up front. */
const SURE_PER_BYTE = 4;
/** Share of the machine's memory the heap may take: PostgreSQL and the system need the rest. */
const MACHINE_SHARE = 0.75;

const GB = 2 ** 30;
const MB = 2 ** 20;
const gb = (bytes: number) => `${(bytes / GB).toFixed(1)} GB`;
const size = (bytes: number) => (bytes >= GB ? gb(bytes) : `${Math.ceil(bytes / MB)} MB`);

const HEAP_FLAG = /--max-old-space-size[= ]\s*(\d+)/;

/** The heap limit someone already set, in MB, through node's own flags or NODE_OPTIONS. */
export function heapSetByUser(execArgv: readonly string[], nodeOptions = ''): number | undefined {
  const m = HEAP_FLAG.exec([...execArgv, nodeOptions].join(' '));
  return m ? Number(m[1]) : undefined;
}

/**
 * Young generation, MB per semi-space: Node's 16 MB let the short-lived strings of validation and COPY text
 * outlive a scavenge and be copied into the old generation; 64 halved the import's minor-GC time at 1M.
 */
const SEMI_SPACE_MB = 64;

/**
 * The flags to run the work with: a heap of 3/4 of the machine and a larger young generation, each unless
 * set already.
 */
export function heapFlags(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
  machine: number,
): string[] {
  const set = [...execArgv, nodeOptions ?? ''].join(' ');
  return [
    ...(heapSetByUser(execArgv, nodeOptions) === undefined
      ? [`--max-old-space-size=${Math.floor((machine * MACHINE_SHARE) / MB)}`]
      : []),
    ...(/--max-semi-space-size/.test(set) ? [] : [`--max-semi-space-size=${SEMI_SPACE_MB}`]),
  ];
}

/** Bytes a dataset's files take: a folder's files, a file alone, or a compact index with its evidence file. */
export function datasetBytes(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) {
    const evidence = path.replace(/(\.json)?$/, '.evidence.json');
    return stat.size + (evidence !== path && /\.json$/.test(path) ? datasetBytes(evidence) : 0);
  }
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true }))
    total += entry.isDirectory() || entry.isFile() ? datasetBytes(join(path, entry.name)) : 0;
  return total;
}

/** What to set for a heap of `need` bytes, and whether this machine has it. */
function advice(need: number, machine: number): string {
  const flag = `NODE_OPTIONS=--max-old-space-size=${Math.ceil(need / MB / 1024) * 1024}`;
  return need <= machine * MACHINE_SHARE
    ? `run it with ${flag}`
    : `it needs a machine with more than ${gb(need / MACHINE_SHARE)} of memory (this one has ${gb(machine)}), run with ${flag}`;
}

/**
 * The sentence that refuses a dataset before any work when it cannot fit in the heap (sure of it: well
 * below the measured need), or undefined to go ahead.
 */
export function heapShortfall(
  label: string,
  bytes: number,
  heapLimit: number,
  machine: number,
): string | undefined {
  if (bytes * SURE_PER_BYTE <= heapLimit) return undefined;
  return (
    `${label}: the dataset is ${size(bytes)} on disk and takes about ${size(bytes * HEAP_PER_BYTE)} of memory to ` +
    `validate and import, but Node's heap is limited to ${size(heapLimit)}: ${advice(bytes * HEAP_PER_BYTE, machine)}`
  );
}

/** The sentence after the work ran out of heap anyway (in place of V8's stack trace). */
export function outOfMemory(label: string, bytes: number, heapLimit: number, machine: number): string {
  return (
    `${label}: ran out of memory (Node's heap is limited to ${size(heapLimit)}; the dataset is ${size(bytes)} on disk ` +
    `and takes about ${size(bytes * HEAP_PER_BYTE)}): ${advice(Math.max(bytes * HEAP_PER_BYTE, heapLimit * 1.5), machine)}`
  );
}

/** heapShortfall for a dataset on disk, against this process's heap and this machine. */
export const heapShortfallOf = (path: string): string | undefined =>
  heapShortfall(displayPath(path), datasetBytes(path), getHeapStatistics().heap_size_limit, totalmem());
