/** Child: encodes the compiled bundle as a compact index plus a lazily loaded evidence document. */
import { statSync, writeFileSync } from 'node:fs';
import type { Bundle } from '../../src/model/format/bundle';
import { encodeCompact } from '../../src/model/format/compact/encode';
import { readJson } from './read-json';
import { runTask } from './task';

export interface CompactEncodeResult {
  encodeMs: number;
  indexBytes: number;
  evidenceBytes: number;
}

await runTask(
  ({ bundle, index, evidence }: { bundle: string; index: string; evidence: string }): CompactEncodeResult => {
    const { value } = readJson<Bundle>(bundle);
    const t = performance.now();
    const encoded = encodeCompact(value);
    const encodeMs = performance.now() - t;
    writeFileSync(index, JSON.stringify(encoded.index));
    writeFileSync(evidence, JSON.stringify(encoded.evidence));
    return { encodeMs, indexBytes: statSync(index).size, evidenceBytes: statSync(evidence).size };
  },
);
