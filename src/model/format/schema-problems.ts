/** Turns zod issues into located problems, with specific codes for the mistakes people make most. */
import type { z } from 'zod';
import { problemAt, type LocatedJson } from './json-with-positions';
import { appendAll, type Problem, type ProblemCode } from './problems';

function codeFor(issue: z.core.$ZodIssue, path: ReadonlyArray<PropertyKey>): ProblemCode {
  const last = path[path.length - 1];
  if (last === 'evidence' && (issue.code === 'too_small' || issue.code === 'invalid_type'))
    return 'no-evidence';
  if (last === 'type' && path[0] === 'entities' && issue.code === 'invalid_value')
    return 'unknown-entity-type';
  return 'schema';
}

type Issue = z.core.$ZodIssue;

/**
 * A value that fits none of a union's forms ("a quote id or a claim object") is reported by the form it was
 * meant as: the branches that reject its very kind (a string where an object goes) are dropped, and of the rest
 * the one with the fewest complaints speaks, so an unknown status reads "Invalid option" at /status, not "Invalid
 * input" at the whole item.
 */
function unionBranch(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const fitting = issue.errors.filter(
    (branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0),
  );
  if (fitting.length === 0) return [issue];
  const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((i) => unionBranch({ ...i, path: [...issue.path, ...i.path] }));
}

export function schemaProblems(
  error: z.ZodError,
  json: LocatedJson,
  file: string,
  basePath: ReadonlyArray<string | number> = [],
): Problem[] {
  return error.issues.flatMap(unionBranch).map((issue) => {
    const path = [...basePath, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const code = codeFor(issue, path);
    const message =
      code === 'no-evidence' ? 'a relation needs at least one quote id in "evidence"' : issue.message;
    return problemAt(json, file, path, code, message);
  });
}

/**
 * Checks an array of records one by one, so a bad record is reported without hiding the others.
 * Ids of rejected records are still returned, so references to them do not also show as dangling.
 */
export function parseRecords<T>(
  json: LocatedJson,
  file: string,
  key: string,
  schema: z.ZodType<T>,
): { records: Array<{ value: T; index: number }>; rejectedIds: string[]; problems: Problem[] } {
  const root = json.value;
  const problems: Problem[] = [];
  const records: Array<{ value: T; index: number }> = [];
  const rejectedIds: string[] = [];
  const list = root !== null && typeof root === 'object' ? (root as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) {
    problems.push(problemAt(json, file, [], 'schema', `expected an object with an array "${key}"`));
    return { records, rejectedIds, problems };
  }
  list.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      records.push({ value: parsed.data, index });
      return;
    }
    appendAll(problems, schemaProblems(parsed.error, json, file, [key, index]));
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id === 'string') rejectedIds.push(id);
  });
  return { records, rejectedIds, problems };
}
