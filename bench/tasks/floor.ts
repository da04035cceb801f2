/** Child: the load floor, reading and parsing the row-per-record file with nothing built afterwards. */
import { readJson } from './read-json';
import { collect, peakRss, runTask } from './task';

export interface FloorResult {
  readMs: number;
  parseMs: number;
  ms: number;
  records: number;
  heapUsed: number;
  peakRss: number;
}

await runTask(({ rows }: { rows: string }): FloorResult => {
  collect();
  const { value: records, readMs, parseMs } = readJson<unknown[]>(rows);
  collect();
  return {
    readMs,
    parseMs,
    ms: readMs + parseMs,
    records: records.length,
    heapUsed: process.memoryUsage().heapUsed,
    peakRss: peakRss(),
  };
});
