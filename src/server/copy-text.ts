/** Rows in PostgreSQL's COPY text format: one line per row, tab-separated, \N for null, backslash escapes. */
import type { CopyValue } from './db';

const escapeText = (s: string): string =>
  s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** An array literal's element: always quoted, so commas, braces and the word NULL stay text. */
const arrayElement = (v: string | number): string =>
  typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot COPY the number ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return escapeText(`{${(v as (string | number)[]).map(arrayElement).join(',')}}`);
  return escapeText(JSON.stringify(v));
}

export const copyLine = (row: readonly CopyValue[]): string => `${row.map(copyField).join('\t')}\n`;

/** Lines gathered into chunks of about `bytes`, so neither driver holds a whole table in one string. */
export function* copyChunks(rows: Iterable<readonly CopyValue[]>, bytes = 4 << 20): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = copyLine(row);
    parts.push(line);
    size += line.length;
    if (size >= bytes) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
