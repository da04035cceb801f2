/**
 * A synthetic dataset (scripts/synthetic) as `npm run validate` takes it: what most server suites import.
 * A generator change that stops validating fails here, with its problems, not as a missing bundle later.
 */
import { generateDataset, type GenerateOptions } from '../../scripts/synthetic/generate';
import type { Bundle } from '../../src/model/format/bundle';
import { formatProblemList } from '../../src/model/format/problems';
import { validateDatasetFolder } from '../../src/model/format/validate-folder';

export function generatedBundle(options: GenerateOptions): Bundle {
  const { files } = generateDataset(options);
  const { bundle, problems } = validateDatasetFolder('synthetic', (p) => files.get(p));
  if (!bundle)
    throw new Error(`The generated dataset does not validate:\n${formatProblemList(problems).join('\n')}`);
  return bundle;
}
