/**
 * JSON printed the way Prettier prints graph-data/ (the repository's .prettierrc: 110 columns): objects
 * one key per line, arrays of plain values on one line when they fit. A dataset written from a draft is
 * then byte-for-byte what `npm run format` would leave, so exporting, editing and committing it shows
 * only real changes in a diff. Prettier itself is not shipped to the browser, hence this small printer.
 */

export const PRINT_WIDTH = 110;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Columns a string takes in a terminal, as Prettier counts them: East Asian wide characters take two, combining marks none. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f)) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

const isPlain = (v: Json): boolean => v === null || typeof v !== 'object';

/**
 * `head` is what precedes the value on its line (indent and key), `tail` what follows it before the
 * line ends (a comma): Prettier puts an array on one line only if the whole line fits.
 */
function print(value: Json, indent: string, head: string, tail: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPlain)) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (width(head) + width(flat) + tail.length <= PRINT_WIDTH) return flat;
    }
    const items = value.map((v, i) => {
      const comma = i < value.length - 1 ? ',' : '';
      return inner + print(v, inner, inner, comma) + comma;
    });
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    const key = `${inner}${JSON.stringify(k)}: `;
    return key + print(v, inner, key, comma) + comma;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** A JSON document as Prettier formats it, with the final newline. */
export function prettyJson(value: unknown): string {
  // A round trip drops undefined fields and turns records into plain JSON values.
  const json = JSON.parse(JSON.stringify(value)) as Json;
  return `${print(json, '', '', '')}\n`;
}
