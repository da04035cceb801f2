/**
 * Scrolls the reader to a span of the source text and marks it with the CSS Custom Highlight API, which
 * paints a range without adding elements: the reader's own marks (quotes) stay exactly as rendered.
 */
const HIGHLIGHT = 'threadline-found';

/** The DOM range covering [start, end) of the text rendered inside `body`, whose text is the source's. */
export function domRange(body: HTMLElement, start: number, end: number): Range | null {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = body.ownerDocument.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      return range;
    }
    at += length;
  }
  return null;
}

export function focusRange(body: HTMLElement, start: number, end: number): boolean {
  const range = domRange(body, start, end);
  if (!range) return false;
  const anchor = range.startContainer.parentElement;
  anchor?.scrollIntoView({ block: 'center' });
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  return true;
}

export function clearFocusRange(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
}
