/** Structured validation problems: every check reports where (file, line, JSON pointer) and what (a stable code). */

export const PROBLEM_CODES = [
  'json-syntax',
  'too-large',
  'too-deep',
  'unsafe-file',
  'binary-input',
  'file-missing',
  'part-gap',
  'schema',
  'unknown-entity-type',
  'duplicate-id',
  'dangling-reference',
  'unknown-relation-type',
  'domain-violation',
  'range-violation',
  'quote-not-found',
  'quote-ambiguous',
  'quote-offset-mismatch',
  'quote-splits-character',
  'invisible-character',
  'invalid-date',
  'no-evidence',
  'speaker-not-person',
  'occasion-not-event',
  'unused-entity',
  'unused-quote',
  'bundle-format',
  'dangling-answer',
  'answer-not-negating',
  'unknown-asserter',
  'speaker-and-speakers',
  'unattributed-claim',
  'unresolved-relative-date',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** Path of the file, relative to what the user named (e.g. "trump-putin/quotes.json"). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** RFC 6901 pointer to the offending value, "" for the whole document. */
  pointer: string;
  message: string;
}

/** Control, line-breaking and invisible formatting characters: shown escaped, so a message stays one visible line. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const escapeChar = (c: string): string =>
  c === '\n'
    ? '\\n'
    : c === '\r'
      ? '\\r'
      : c === '\t'
        ? '\\t'
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text from a dataset as it goes into a message, in quotes: clipped, with unprintable characters escaped. */
export function shown(text: string, max = 120): string {
  const clipped = text.length > max ? `${text.slice(0, max - 3)}…` : text;
  return `"${clipped.replace(UNPRINTABLE, escapeChar)}"`;
}

/** The one-line form the CLI prints and the error screen lists: `file:line /pointer: code: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const tag = p.severity === 'warning' ? 'warning ' : '';
  // Messages quote dataset text through `shown`; this is the backstop for anything else (a schema message).
  return `${where} ${p.pointer || '/'}: ${tag}${p.code}: ${p.message.replace(/[\r\n\u2028\u2029]/g, escapeChar)}`;
}

export function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes each item as an argument and
 * overflows the call stack at about 125,000 of them, which a large dataset's warnings reach.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** How many problems the CLI, the build, the dev server and the app list before summing up the rest. */
export const PRINTED_PROBLEMS = 200;

/**
 * The first `cap` problems as lines, then one line with how many were left out and the total: a
 * dataset can have hundreds of thousands, and a terminal (or a build error) holding all of them helps no one.
 */
export function formatProblemList(problems: readonly Problem[], cap = PRINTED_PROBLEMS): string[] {
  const lines = problems.slice(0, cap).map(formatProblem);
  if (problems.length > cap)
    lines.push(
      `… and ${(problems.length - cap).toLocaleString('en')} more (${problems.length.toLocaleString('en')} problems in all)`,
    );
  return lines;
}

/**
 * The problems as a message carries them: errors first, at most `cap`, with how many errors there were, so
 * a dataset with a hundred thousand problems is not a hundred-megabyte reply or a list nobody can scroll.
 */
export function cappedProblems(
  problems: readonly Problem[],
  cap = PRINTED_PROBLEMS,
): { problems: Problem[]; total: number } {
  const errors = problems.filter((p) => p.severity === 'error');
  const ordered =
    errors.length === problems.length
      ? problems
      : [...errors, ...problems.filter((p) => p.severity !== 'error')];
  return { problems: ordered.slice(0, cap), total: errors.length };
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');
