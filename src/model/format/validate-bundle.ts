/** Validates a compiled bundle (a file the app opens or `npm run validate` is given) with the same checks as a folder. */
import { bundleSchema, type Bundle } from './bundle';
import { checkDataset, type Locator, type RelationInput } from './check-dataset';
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

/** A compiled relation as the checks read it: its claims, or its quote ids as claims of the relation's status. */
function relationInput(r: Bundle['relations'][number]): RelationInput {
  const { claims, evidence, dateWritten: _written, ...rest } = r;
  return {
    ...rest,
    evidence: evidence.map((quote, i) => {
      const claim = claims?.[i];
      return {
        ...(claim ?? {}),
        quote,
        quotePath: ['evidence', i],
        path: claim ? ['claims', i] : null,
      };
    }),
  };
}

/** Claims run beside evidence, one per quote: a bundle where they do not is malformed. */
function claimsOutOfStep(bundle: Bundle, locate: Locator): Problem[] {
  return bundle.relations.flatMap((r, index) => {
    const i =
      r.claims === undefined
        ? -1
        : r.claims.length !== r.evidence.length
          ? Math.min(r.claims.length, r.evidence.length)
          : r.claims.findIndex((c, j) => c.quote !== r.evidence[j]);
    if (i < 0) return [];
    return [
      {
        severity: 'error' as const,
        code: 'schema' as const,
        ...locate('relations', index, ['claims']),
        message: `claims must name the evidence quotes one for one, in order; they part at item ${i}`,
      },
    ];
  });
}

/** Cross-checks a schema-valid bundle object (e.g. one built in memory by an export). */
export function checkBundle(bundle: Bundle, locate: Locator): Problem[] {
  const indexed = <T>(list: T[]) => list.map((value, index) => ({ value, index }));
  const outOfStep = claimsOutOfStep(bundle, locate);
  if (outOfStep.length > 0) return outOfStep;
  return checkDataset(
    {
      sources: indexed(bundle.sources),
      entityTypes: indexed(bundle.entityTypes ?? []),
      relationTypes: indexed(bundle.relationTypes),
      entities: indexed(bundle.entities),
      quotes: indexed(bundle.quotes),
      relations: indexed(bundle.relations.map(relationInput)),
      rejectedIds: new Set(),
      quoteSourceField: 'sourceId',
    },
    locate,
  ).problems;
}
