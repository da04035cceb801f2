/** Rows in PostgreSQL's COPY text format: one line per row, tab-separated, \N for null, backslash escapes. */
import type { CopyValue } from './db';

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// Most text has nothing to escape: a test is far cheaper than a replace that finds nothing (profiled).
const escapeText = (s: string): string => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPED[c]!) : s);

const ARRAY_SPECIAL = /[\\"]/;
/** An array literal's element: always quoted, so commas, braces and the word NULL stay text. */
const arrayElement = (v: string | number): string =>
  typeof v === 'number' ? String(v) : `"${ARRAY_SPECIAL.test(v) ? v.replace(/[\\"]/g, (c) => `\\${c}`) : v}"`;

export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot COPY the number ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) {
    let text = '{';
    for (let i = 0; i < v.length; i++) text += (i > 0 ? ',' : '') + arrayElement(v[i] as string | number);
    return escapeText(`${text}}`);
  }
  return escapeText(JSON.stringify(v));
}

export const copyLine = (row: readonly CopyValue[]): string => `${row.map(copyField).join('\t')}\n`;

/**
 * Characters of COPY text a chunk gathers, so neither driver holds a whole table in one string. Small enough
 * that a chunk's lines die in the young generation: at 4 MB they outlived a scavenge and were copied into
 * the old one (at 1M relations the copies' minor-GC time fell from 15.7 s to 6.8 s at 256 KB).
 */
const CHUNK = 256 << 10;

/**
 * Each item's line (or lines, or none) of COPY text, without their newlines, gathered into chunks; only
 * items `from` to `to` when given (the index `line` is told stays the item's own). The importer writes its
 * lines directly: a row array per row and a generic field per value cost more than the text itself
 * (profiled at a million relations).
 */
export function* copyText<T>(
  items: ArrayLike<T>,
  line: (item: T, index: number) => string | readonly string[],
  from = 0,
  to = items.length,
): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (let i = from; i < Math.min(to, items.length); i++) {
    const out = line(items[i]!, i);
    if (typeof out === 'string') {
      parts.push(out);
      size += out.length;
    } else
      for (const l of out) {
        parts.push(l);
        size += l.length;
      }
    if (size >= CHUNK) {
      parts.push('');
      yield parts.join('\n');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) {
    parts.push('');
    yield parts.join('\n');
  }
}

/** Lines gathered into chunks of about `bytes`, so neither driver holds a whole table in one string. */
export function* copyChunks(rows: Iterable<readonly CopyValue[]>, bytes = CHUNK): Generator<string> {
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
