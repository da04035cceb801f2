/** XML text helpers shared by the SVG, GraphML and GEXF writers: every string that reaches a document passes through here. */

/** Characters XML 1.0 forbids anywhere, even escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- naming the allowed control characters is the point
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops characters no XML parser would accept, so hostile or damaged text cannot break the file. */
export const xmlSafe = (text: string): string => text.replace(INVALID_XML_CHARS, '');

/** Escapes text for element content and for attribute values in either quote style. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Escapes an attribute value; newlines are kept as character references so parsers do not normalise them to spaces. */
const escapeAttr = (text: string): string => escapeXml(text).replace(/\n/g, '&#10;');

/** `name="value"` pairs for defined values, escaped; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(typeof v === 'number' ? formatNumber(v) : v)}"`)
    .join('');
}

/** Numbers as short, locale-free decimals (two places at most), never NaN or Infinity. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}
