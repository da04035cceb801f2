/**
 * `node --import tsx scripts/with-heap.ts <script> [args…]`: runs a command that holds a whole dataset
 * (validate, db:import) in a child Node whose heap is sized to the machine (scripts/heap.ts), unless the
 * heap was set already. Should the child run out of memory all the same, V8's report is replaced by one
 * sentence saying how large the dataset is and what to set.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { getHeapStatistics } from 'node:v8';
import { displayPath } from './dataset-files';
import { datasetBytes, heapFlags, heapSetByUser, outOfMemory } from './heap';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node --import tsx scripts/with-heap.ts <script> [args…]');
  process.exit(2);
}
const flags = heapFlags(process.execArgv, process.env.NODE_OPTIONS, totalmem());
const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...args], {
  stdio: ['inherit', 'inherit', 'pipe'],
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));

// V8's report on running out of heap starts with its last collections; from there on, nothing is shown.
const V8_OUT_OF_MEMORY =
  /^<--- Last few GCs --->|JavaScript heap out of memory|^FATAL ERROR: .*(heap|Allocation failed)/;
let outOfHeap = false;
createInterface({ input: child.stderr }).on('line', (line) => {
  if (!outOfHeap && V8_OUT_OF_MEMORY.test(line)) outOfHeap = true;
  if (!outOfHeap) process.stderr.write(`${line}\n`);
});

child.on('exit', (code, signal) => {
  if (outOfHeap) {
    const datasets = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--db' && existsSync(a));
    const limitMb = heapSetByUser(flags, '') ?? getHeapStatistics().heap_size_limit / 2 ** 20;
    const bytes = datasets.reduce((sum, path) => sum + datasetBytes(path), 0);
    const label = datasets.length > 0 ? datasets.map(displayPath).join(', ') : script;
    console.error(outOfMemory(label, bytes, limitMb * 2 ** 20, totalmem()));
  }
  if (signal && !outOfHeap) console.error(`${displayPath(script)}: stopped by ${signal}`);
  process.exit(code ?? 1);
});
