/** Helpers for unit tests: load fixture datasets from tests/fixtures through the real validator. */
import { join } from 'node:path';
import { folderReader } from '../../scripts/dataset-files';
import { validateDatasetFolder, type ValidationResult } from '../../src/model/format/validate-folder';
import type { Bundle } from '../../src/model/format/bundle';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'datasets');

export function validateFixture(name: string): ValidationResult {
  return validateDatasetFolder(name, folderReader(join(FIXTURES, name)));
}

export function fixtureBundle(name: string): Bundle {
  const { bundle, problems } = validateFixture(name);
  if (!bundle) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(problems)}`);
  return bundle;
}

/** The bundled article dataset, compiled the way the app's build compiles it. */
export function articleBundle(): Bundle {
  const { bundle, problems } = validateDatasetFolder(
    'trump-putin',
    folderReader(join(import.meta.dirname, '..', '..', 'graph-data', 'trump-putin')),
  );
  if (!bundle) throw new Error(`the article dataset is invalid: ${JSON.stringify(problems)}`);
  return bundle;
}

/** The files of a fixture as text by relative path, for tests that alter a dataset in memory. */
export function fixtureFiles(name: string): Map<string, string> {
  const read = folderReader(join(FIXTURES, name));
  const files = new Map<string, string>();
  for (const f of [
    'dataset.json',
    'relation-types.json',
    'entities.json',
    'quotes.json',
    'relations.json',
    'sources/letter.txt',
  ]) {
    const text = read(f);
    if (typeof text === 'string') files.set(f, text);
  }
  return files;
}

/** Validates files held in memory as a dataset folder named `label`. */
export function validateFiles(label: string, files: ReadonlyMap<string, string>): ValidationResult {
  return validateDatasetFolder(label, (f) => files.get(f));
}
