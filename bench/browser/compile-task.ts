/** Child: compiles a generated dataset folder into the bundle the app loads (when the cache has none yet). */
import { renameSync, writeFileSync } from 'node:fs';
import { folderReader } from '../../scripts/dataset-files';
import { requireBundle } from '../require-bundle';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';
import { runTask } from '../tasks/task';

interface Input {
  dataset: string;
  bundle: string;
}

await runTask(({ dataset, bundle: file }: Input) => {
  const started = performance.now();
  const bundle = requireBundle(validateDatasetFolder('bench', folderReader(dataset)));
  // Written beside and renamed, so an interrupted run never leaves a truncated bundle in the cache.
  writeFileSync(`${file}.partial`, JSON.stringify(bundle));
  renameSync(`${file}.partial`, file);
  return { ms: performance.now() - started };
});
