/** Greedy word wrapping against a measure function; words too long for a line are broken between characters. */
import type { Measure } from './scene';

/** Splits a run without spaces (a URL, say) into pieces that each fit. */
function chop(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measure(word) <= maxWidth) {
      line = word;
      continue;
    }
    const pieces = chop(word, maxWidth, measure);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Wrapping at a font size with a Measure. */
export const wrapAt = (
  text: string,
  maxWidth: number,
  size: number,
  measure: Measure,
  bold = false,
): string[] => wrapText(text, maxWidth, (s) => measure(s, size, bold));
