/** What an image export covers: the whole view, the entities the user marked and the relations among them, or the highlighted path. */
import type { Subgraph } from '../core/subgraph';

export type ExportScope = 'view' | 'selection' | 'path';

export const SCOPE_LABELS: Record<ExportScope, string> = {
  view: 'Whole view',
  selection: 'Selection',
  path: 'Highlighted path',
};

export type Scoped = { ok: true; subgraph: Subgraph } | { ok: false; reason: string };

/**
 * The part of the drawn subgraph a scope covers. Only what is drawn can be exported, so marked or path entities
 * hidden by a filter are left out; a scope with nothing drawn in it is refused with a sentence saying why.
 */
export function scopeSubgraph(
  drawn: Subgraph,
  scope: ExportScope,
  marked: ReadonlySet<string>,
  path: { entityIds: readonly string[]; relationIds: readonly string[] } | null,
): Scoped {
  if (scope === 'view') return { ok: true, subgraph: drawn };
  if (scope === 'selection') {
    const ids = drawn.entityIds.filter((id) => marked.has(id));
    if (ids.length === 0)
      return {
        ok: false,
        reason:
          marked.size === 0
            ? 'Nothing is selected: Shift-click entities (or Shift-drag a box around them) to export a selection.'
            : 'None of the selected entities is drawn in the view, so there is nothing to export.',
      };
    const keep = new Set(ids);
    return {
      ok: true,
      subgraph: {
        entityIds: ids,
        relations: drawn.relations.filter((r) => keep.has(r.source) && keep.has(r.target)),
      },
    };
  }
  if (!path || path.entityIds.length === 0)
    return { ok: false, reason: 'No path is highlighted: find a connection first, then export it.' };
  const entities = new Set(path.entityIds);
  const relations = new Set(path.relationIds);
  const ids = drawn.entityIds.filter((id) => entities.has(id));
  if (ids.length < entities.size)
    return {
      ok: false,
      reason: 'Part of the highlighted path is hidden in the view; show it again to export the path.',
    };
  return {
    ok: true,
    subgraph: { entityIds: ids, relations: drawn.relations.filter((r) => relations.has(r.id)) },
  };
}
