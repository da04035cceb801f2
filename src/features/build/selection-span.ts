/** Where the page's text selection lies in a rendered source text, as character offsets into the text. */
import type { Span } from '../../model/authoring/sentences';

const offsetIn = (root: Node, node: Node, offset: number): number => {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
};

/**
 * The selected span with its surrounding whitespace trimmed; null when the selection is collapsed inside
 * the text, undefined when it lies (even partly) outside it, so a click elsewhere keeps the last one.
 */
export function spanOfSelection(
  root: HTMLElement,
  sel: Selection | null,
  text: string,
): Span | null | undefined {
  if (!sel || sel.rangeCount === 0) return undefined;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return undefined;
  if (range.collapsed) return null;
  let start = offsetIn(root, range.startContainer, range.startOffset);
  let end = offsetIn(root, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
