/** The compiled bundle of a generated dataset, or an error naming its first problems: generated data must validate. */
import type { ValidationResult } from '../src/model/format/validate-folder';
import type { Bundle } from '../src/model/format/bundle';

export function requireBundle({ problems, bundle }: ValidationResult): Bundle {
  if (bundle) return bundle;
  const first = problems
    .slice(0, 5)
    .map((p) => p.message)
    .join('; ');
  throw new Error(`generated dataset is invalid: ${first}`);
}
