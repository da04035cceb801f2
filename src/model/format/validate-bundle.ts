/** Validates a compiled bundle (a file the app opens or `npm run validate` is given) with the same checks as a folder. */
import { bundleSchema, type Bundle } from './bundle';
import { checkDataset, type Locator } from './check-dataset';
import { parseJsonWithPositions } from './json-with-positions';
import { hasErrors, pointerOf, type Problem } from './problems';
import { schemaProblems } from './schema-problems';

export interface BundleValidation {
  problems: Problem[];
  bundle?: Bundle;
}

export function validateBundleText(text: string, file: string): BundleValidation {
  const json = parseJsonWithPositions(text, file);
  if ('problems' in json) return { problems: json.problems };
  const value = json.value as { format?: unknown } | null;
  if (value === null || typeof value !== 'object' || value.format !== 'threadline-bundle') {
    return {
      problems: [
        {
          severity: 'error',
          code: 'bundle-format',
          file,
          line: 1,
          pointer: '/format',
          message: 'not a Threadline bundle: expected "format": "threadline-bundle"',
        },
      ],
    };
  }
  const parsed = bundleSchema.safeParse(json.value);
  if (!parsed.success) return { problems: schemaProblems(parsed.error, json, file) };
  const problems = checkBundle(parsed.data, (collection, index, field = []) => {
    const path = [collection, index, ...field];
    return { file, line: json.lineOf(path), pointer: pointerOf(path) };
  });
  return hasErrors(problems) ? { problems } : { problems, bundle: parsed.data };
}

/** Cross-checks a schema-valid bundle object (e.g. one built in memory by an export). */
export function checkBundle(bundle: Bundle, locate: Locator): Problem[] {
  const indexed = <T>(list: T[]) => list.map((value, index) => ({ value, index }));
  return checkDataset(
    {
      sources: indexed(bundle.sources),
      relationTypes: indexed(bundle.relationTypes),
      entities: indexed(bundle.entities),
      quotes: indexed(bundle.quotes),
      relations: indexed(bundle.relations),
      rejectedIds: new Set(),
      quoteSourceField: 'sourceId',
    },
    locate,
  ).problems;
}
