/** Parses JSON while keeping where each value sits, so problems can name a line and a JSON pointer. */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { jsonLocator } from './json-locator';
import { depthProblem, sizeProblem } from './limits';
import { pointerOf, type Problem } from './problems';

export interface LocatedJson {
  value: unknown;
  /** 1-based line of the value at `path`, or of its closest existing ancestor. */
  lineOf(path: ReadonlyArray<string | number>): number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Returns the parsed value with a locator, or the problems that stop it from being read at all. */
export function parseJsonWithPositions(text: string, file: string): LocatedJson | { problems: Problem[] } {
  const tooLarge = sizeProblem(text.length, file);
  if (tooLarge) return { problems: [tooLarge] };
  // Positions are only needed to report problems, so they are worked out on demand: a valid 200 MB
  // bundle parses at JSON.parse speed.
  let starts: number[] | undefined;
  const lineOfOffset = (offset: number) => lineAt((starts ??= lineStarts(text)), offset);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return {
      problems: [
        {
          severity: 'error',
          code: 'binary-input',
          file,
          line: lineOfOffset(nul),
          pointer: '',
          message: 'file contains binary data (a NUL byte), not JSON text',
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The syntax reporter walks the text recursively: a deep one is refused before it gets there.
    const tooDeep = depthProblem(text, file);
    return { problems: tooDeep ? [tooDeep] : syntaxProblems(text, file, lineOfOffset) };
  }
  // So is a deep value, before the schema check and the locator walk it.
  const tooDeep = depthProblem(text, file, { value });
  if (tooDeep) return { problems: [tooDeep] };
  const locate = jsonLocator(text);
  const lineOf = (path: ReadonlyArray<string | number>) => lineOfOffset(locate(path));
  return { value, lineOf };
}

/** Where and why JSON.parse refused the text, from a tolerant parser that keeps positions. */
function syntaxProblems(text: string, file: string, lineOfOffset: (offset: number) => number): Problem[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const list = errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }];
  return list.slice(0, 20).map((e) => {
    const line = lineOfOffset(e.offset);
    const lineStart = text.lastIndexOf('\n', e.offset - 1) + 1;
    return {
      severity: 'error' as const,
      code: 'json-syntax' as const,
      file,
      line,
      pointer: '',
      message: `invalid JSON at line ${line}, column ${e.offset - lineStart + 1}: ${errors.length > 0 ? printParseErrorCode(e.error) : 'not valid JSON'}`,
    };
  });
}

/** A problem located in a parsed file. */
export function problemAt(
  json: LocatedJson,
  file: string,
  path: ReadonlyArray<string | number>,
  code: Problem['code'],
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { severity, code, file, line: json.lineOf(path), pointer: pointerOf(path), message };
}
