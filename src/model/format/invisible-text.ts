/** Characters that make text read as something other than what it holds, and offsets that cut one in two. */

/** Whether `offset` falls between the high and low halves of a surrogate pair. */
export function splitsCharacter(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Direction overrides, embeddings and isolates; C0 and C1 controls but tab and line breaks; invisible
 * spaces and joiners that are not needed by any script (ZWNJ and ZWJ are, so they pass); a byte order mark.
 */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;
const INVISIBLE_NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'BYTE ORDER MARK',
};

export function invisibleCharacter(text: string): { at: number; name: string } | undefined {
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  const cp = m[0].charCodeAt(0);
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    INVISIBLE_NAMES[cp] ??
    (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 'control character' : 'invisible character');
  return { at: m.index, name: `${hex} ${name}` };
}

/** Offsets of every such character in a text, ascending: one scan of a source for all its quotes. */
export function invisibleOffsets(text: string): number[] {
  const found: number[] = [];
  const all = new RegExp(INVISIBLE.source, 'g');
  for (let m = all.exec(text); m; m = all.exec(text)) found.push(m.index);
  return found;
}
