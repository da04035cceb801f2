/** Structured validation problems: every check reports where (file, line, JSON pointer) and what (a stable code). */

export const PROBLEM_CODES = [
  'json-syntax',
  'too-large',
  'binary-input',
  'file-missing',
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
  'invalid-date',
  'no-evidence',
  'speaker-not-person',
  'occasion-not-event',
  'unused-entity',
  'unused-quote',
  'bundle-format',
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

/** The one-line form the CLI prints and the error screen lists: `file:line /pointer: code: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const tag = p.severity === 'warning' ? 'warning ' : '';
  return `${where} ${p.pointer || '/'}: ${tag}${p.code}: ${p.message}`;
}

export function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');
