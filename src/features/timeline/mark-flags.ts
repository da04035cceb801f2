/** How each timeline mark relates to the rest of the app: selected, related to the selection, on the highlighted path, or filtered out. */
import type { Filters } from '../../model/filters';
import type { Model } from '../../model/graph';
import { entityVisibleUnder, relationVisibleUnder } from '../../model/subgraph';
import type { HighlightedPath } from '../../store/analysis-state';
import type { Selection } from '../../store/view-state';
import type { Mark } from './timeline-layout';

export interface MarkFlags {
  selected: boolean;
  related: boolean;
  onPath: boolean;
  filtered: boolean;
}

export interface FlagContext {
  model: Model;
  selection: Selection;
  path: HighlightedPath | null;
  filters: Filters;
}

export function markFlags(mark: Mark, ctx: FlagContext): MarkFlags {
  const { model, selection, path, filters } = ctx;
  const relations = mark.kind === 'relations' ? mark.ids.flatMap((id) => model.relations.get(id) ?? []) : [];
  const selected = selection !== null && mark.ids.includes(selection.id);
  let related = false;
  if (selection?.kind === 'entity')
    related = relations.some((r) => r.source === selection.id || r.target === selection.id);
  else if (selection?.kind === 'relation' && mark.kind === 'entity') {
    const r = model.relations.get(selection.id);
    related = r !== undefined && (r.source === mark.key || r.target === mark.key);
  }
  const onPath =
    path !== null && mark.ids.some((id) => path.entityIds.includes(id) || path.relationIds.includes(id));
  const filtered =
    mark.kind === 'entity'
      ? !entityVisibleUnder(model, filters, mark.key)
      : relations.every(
          (r) =>
            !relationVisibleUnder(model, filters, model.graph.getEdgeAttributes(r.id)) ||
            !entityVisibleUnder(model, filters, r.source) ||
            !entityVisibleUnder(model, filters, r.target),
        );
  return { selected, related: related && !selected, onPath, filtered };
}
