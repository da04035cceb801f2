/** Child: generates one dataset into the cache folder. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDataset } from '../../scripts/synthetic/generate';
import { peakRss, runTask } from './task';

interface Input {
  entities: number;
  relations: number;
  seed: number;
  dir: string;
  complete: string;
}

await runTask(({ entities, relations, seed, dir, complete }: Input) => {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const { files, summary } = generateDataset({ entities, relations, seed });
  let bytes = 0;
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(complete, JSON.stringify(summary));
  return { ...summary, bytes, ms: performance.now() - started, peakRss: peakRss() };
});
