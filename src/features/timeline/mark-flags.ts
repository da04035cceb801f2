/**
 * How timeline marks relate to the rest of the app — selected, related to the selection, on the highlighted
 * path, filtered out — as sets of mark keys, each computed only when its own input changes: a selection then
 * costs the few marks it touches, not a pass over thousands.
 */
import type { Filters } from '../../model/core/filters';
import { someRelationOf, type Model } from '../../model/core/model';
import { pairEnds } from '../../model/core/parallel-relations';
import { relationsBetween } from '../../model/core/queries';
import { entityVisibleUnder, relationVisibleUnder } from '../../model/core/subgraph';
import type { HighlightedPath } from '../../store/analysis-state';
import type { Selection } from '../../store/view-state';
import { marksOf, type MarkIndex } from './mark-index';
import type { PlacedMark } from './timeline-layout';

export interface SelectionMarks {
  selected: ReadonlySet<string>;
  /** Marks of the selection's neighbours: an entity's relations, a relation's two ends; never a selected mark. */
  related: ReadonlySet<string>;
}

export const NO_MARKS: ReadonlySet<string> = new Set();
export const NO_SELECTION_MARKS: SelectionMarks = { selected: NO_MARKS, related: NO_MARKS };

export function selectionMarks(model: Model, index: MarkIndex, selection: Selection): SelectionMarks {
  if (!selection) return NO_SELECTION_MARKS;
  const selected = new Set(marksOf(index, selection.id).map((m) => m.key));
  const related = new Set<string>();
  if (selection.kind === 'entity') {
    const ids = model.data.relations.id;
    someRelationOf(model, selection.id, (k) => {
      const mark = index.relation.get(ids[k]!);
      if (mark) related.add(mark.key);
    });
  } else if (selection.kind === 'relation') {
    const r = model.relations.get(selection.id);
    for (const end of r ? [r.source, r.target] : []) {
      const mark = index.entity.get(end);
      if (mark) related.add(mark.key);
    }
  } else if (selection.kind === 'pair') {
    // A pair stands for its relations: their marks are the selection's.
    const [a, b] = pairEnds(selection.id) ?? [];
    for (const r of a && b ? relationsBetween(model, a, b) : []) {
      const mark = index.relation.get(r.id);
      if (mark) selected.add(mark.key);
    }
  }
  for (const key of selected) related.delete(key);
  return { selected, related };
}

export function pathMarks(index: MarkIndex, path: HighlightedPath | null): ReadonlySet<string> {
  if (!path) return NO_MARKS;
  return new Set(
    [...path.entityIds, ...path.relationIds].flatMap((id) => marksOf(index, id).map((m) => m.key)),
  );
}

/** Entity marks the filters hide, and relation marks all of whose relations they hide (or an end of each). */
export function filteredMarks(
  model: Model,
  marks: readonly PlacedMark[],
  filters: Filters,
): ReadonlySet<string> {
  const shown = (id: string) => entityVisibleUnder(model, filters, id);
  const hidden = (m: PlacedMark) =>
    m.kind === 'entity'
      ? !shown(m.key)
      : m.ids.every((id) => {
          const r = model.relations.get(id);
          return !r || !relationVisibleUnder(model, filters, r.id) || !shown(r.source) || !shown(r.target);
        });
  return new Set(marks.filter(hidden).map((m) => m.key));
}
