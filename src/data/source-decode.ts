/**
 * The bytes of a file a reporter adds as a source, as text, or a one-line reason why not. Only what can
 * be decoded without guessing is accepted: UTF-8 (with or without a byte order mark) and UTF-16 with one.
 * A file in another encoding would otherwise come in with wrong characters, and every quote taken from
 * it would carry them.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: string };

/** File signatures worth naming: "a PDF" says more than "binary data". */
const SIGNATURES: Array<[bytes: number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document; copy its text and paste it instead'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (or a Word or OpenDocument file); save it as plain text'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word or Excel file; save it as plain text'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document; save it as plain text'],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** Line endings as the reader and the quotes expect them: a text file's CRLF is not part of its words. */
export const normalizeNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');

/** The first character that has no place in a text (a control character), with where it is. */
export function controlCharacterProblem(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const m = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `it holds a control character (U+${code}) on line ${line}, so it is binary data, not text`;
}

export function decodeSourceBytes(bytes: Uint8Array): Decoded {
  for (const [sig, what] of SIGNATURES)
    if (startsWith(bytes, sig)) return { ok: false, error: `it is ${what}` };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    return { ok: false, error: 'it is UTF-32 text, which is not supported; save it as UTF-8' };
  let encoding = 'utf-8';
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else if (bytes.includes(0))
    return {
      ok: false,
      error: 'it holds NUL bytes: binary data, or UTF-16 text without a byte order mark; save it as UTF-8',
    };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    if (encoding !== 'utf-8') return { ok: false, error: `it is not valid ${encoding.toUpperCase()} text` };
    const at = firstInvalidUtf8(body);
    return {
      ok: false,
      error: `it is not UTF-8 text (byte 0x${body[at]!.toString(16).toUpperCase()} at offset ${at}; perhaps Windows-1252 or Latin-1); save it as UTF-8`,
    };
  }
  const control = controlCharacterProblem(text);
  if (control) return { ok: false, error: control };
  return { ok: true, text: normalizeNewlines(text), encoding };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by halving: decoding a prefix fails only if it holds a bad byte (a
  // sequence cut at the end is allowed with stream: true).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // The prefix may end in a sequence the bad byte cut short: the fault starts with its lead byte.
  for (let k = 1; k <= 3 && lo - k >= 0; k++) {
    const b = bytes[lo - k]!;
    if (b < 0x80) break;
    if (b >= 0xc0) return lo - k;
  }
  return Math.min(lo, bytes.length - 1);
}
