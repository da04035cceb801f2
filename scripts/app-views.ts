/** Views of the running app that the README images and the export tests both start from. */
import type { Page } from 'playwright-core';

/** Shows one entity and its direct neighbours, selected, laid out afresh: a small, readable view. */
export async function showNeighbourhood(page: Page, id: string): Promise<void> {
  await page.evaluate((focus) => {
    const t = window.threadline!;
    const s = t.getState();
    const ids = new Set([focus]);
    for (const r of s.model!.relations.values())
      if (r.source === focus || r.target === focus) ids.add(r.source).add(r.target);
    t.actions.restoreView(
      { visible: ids, addedBy: new Map(), positions: new Map() },
      { kind: 'entity', id: focus },
      s.filters,
    );
  }, id);
}
