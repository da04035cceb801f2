/**
 * The limits on what is read, in one place: the validator, the compiler, the dev server and the app's
 * loader all import them, so the build never emits a file the app would refuse.
 */
import type { Problem } from './problems';

/** Files beyond this are refused rather than parsed: a dataset file this big is a mistake or an attack. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

/**
 * Arrays and objects nested deeper than this are refused before anything walks them recursively (the
 * schema check, the position locator, the syntax reporter), which would overflow the call stack. The
 * formats need six levels; the margin is for hand-written files.
 */
export const MAX_JSON_DEPTH = 64;

const LEFT_BRACKET = 0x5b;
const LEFT_BRACE = 0x7b;
const RIGHT_BRACKET = 0x5d;
const RIGHT_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The offset where nesting first exceeds `max`, or -1. Strings are jumped over, so it costs little more than a read. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // To the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end === -1) return -1; // unterminated: the JSON parser reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === LEFT_BRACKET || c === LEFT_BRACE) {
      if (++depth > max) return i;
    } else if (c === RIGHT_BRACKET || c === RIGHT_BRACE) depth--;
  }
  return -1;
}

/**
 * Whether a parsed value nests deeper than `max`: a walk with its own stack, which visits each value
 * once and is cheaper than scanning the text again, so the text is scanned only to say where.
 */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  // Two parallel stacks rather than one of pairs: no allocation per value.
  const nodes: object[] = [];
  const depths: number[] = [];
  const push = (child: unknown, depth: number) => {
    if (child !== null && typeof child === 'object') {
      nodes.push(child);
      depths.push(depth);
    }
  };
  push(value, 1);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > max) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) push(node[i], depth + 1);
    } else {
      const record = node as Record<string, unknown>;
      for (const key in record) push(record[key], depth + 1);
    }
  }
  return false;
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

/** The problem with a file of `length` characters, if it is over the size limit. */
export function sizeProblem(length: number, file: string): Problem | undefined {
  if (length <= MAX_JSON_BYTES) return undefined;
  return {
    severity: 'error',
    code: 'too-large',
    file,
    pointer: '',
    message: `file is ${length} bytes; the limit is ${MAX_JSON_BYTES}`,
  };
}

/**
 * The problem with a JSON text nested too deep, if it is. Given the value JSON.parse made of the text,
 * the depth is checked on it (a few percent of the parse), and the text scanned only to say where.
 */
export function depthProblem(text: string, file: string, parsed?: { value: unknown }): Problem | undefined {
  if (parsed && !valueTooDeep(parsed.value)) return undefined;
  const deep = tooDeepAt(text);
  if (deep === -1) return undefined;
  const { line, column } = lineAndColumn(text, deep);
  return {
    severity: 'error',
    code: 'too-deep',
    file,
    line,
    pointer: '',
    message: `arrays and objects are nested more than ${MAX_JSON_DEPTH} deep at line ${line}, column ${column}`,
  };
}

/** Either problem that stops a JSON text from being read at all. */
export function jsonLimitProblem(
  text: string,
  file: string,
  parsed?: { value: unknown },
): Problem | undefined {
  return sizeProblem(text.length, file) ?? depthProblem(text, file, parsed);
}

/**
 * A source text added in the Build workspace (pasted or from a file): ample for any article or report
 * (a 20,000-word text is about 130 kB), and small enough that suggestions and the reader stay quick.
 */
export const MAX_SOURCE_TEXT_BYTES = 5 * 1024 * 1024;

/** An HTML page carries markup, styles and scripts around its article, so it may be larger than its text. */
export const MAX_SOURCE_HTML_BYTES = 20 * 1024 * 1024;
