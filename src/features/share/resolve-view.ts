/** Turns a decoded link into a view of the loaded dataset: ids it does not know are dropped and named, never guessed. */
import type { Filters } from '../../model/core/filters';
import type { Model } from '../../model/core/model';
import { pairEnds } from '../../model/core/parallel-relations';
import type { Point, Selection, ViewState } from '../../store/view-state';
import type { DecodedLink } from './view-codec';

export interface ResolvedView {
  view: ViewState;
  selection: Selection;
  filters: Filters;
  pinned: Set<string>;
  /** What could not be restored, in words for a notice (empty when everything was). */
  problems: string[];
}

const named = (ids: string[]) => {
  const shown = ids.slice(0, 3).map((id) => `"${id}"`);
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
};

/** Null when nothing of the link applies to this dataset; the caller then shows the default view. */
export function resolveView(decoded: DecodedLink, model: Model): ResolvedView | null {
  const { link } = decoded;
  const problems = [...decoded.problems];
  const datasetId = model.dataset.id;
  if (link.dataset !== undefined && link.dataset !== datasetId) return null;

  const unknown = link.entities.filter((id) => !model.entities.has(id));
  if (unknown.length > 0)
    problems.push(`${named(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not in this dataset`);
  const visible = new Set<string>();
  const positions = new Map<string, Point>();
  link.entities.forEach((id, i) => {
    if (!model.entities.has(id)) return;
    visible.add(id);
    const p = link.positions[i];
    if (p) positions.set(id, p);
  });
  if (visible.size === 0) return null;
  const addedBy = new Map<string, string>();
  for (const [child, parent] of link.addedBy) {
    const [c, p] = [link.entities[child], link.entities[parent]];
    if (c && p && c !== p && visible.has(c) && visible.has(p)) addedBy.set(c, p);
  }

  let selection: Selection = null;
  if (link.selection?.kind === 'entity') {
    if (visible.has(link.selection.id)) selection = link.selection;
    else problems.push(`the selected entity "${link.selection.id}" is not in the view`);
  } else if (link.selection?.kind === 'relation') {
    const r = model.relations.get(link.selection.id);
    if (r && visible.has(r.source) && visible.has(r.target)) selection = link.selection;
    else problems.push(`the selected relation "${link.selection.id}" is not in the view`);
  } else if (link.selection?.kind === 'pair') {
    const ends = pairEnds(link.selection.id);
    if (ends?.every((e) => visible.has(e))) selection = link.selection;
    else problems.push(`the selected pair "${link.selection.id.replace('~', ' and ')}" is not in the view`);
  }

  const unknownTypes = link.hiddenRelationTypes.filter((t) => !model.relationTypes.has(t));
  if (unknownTypes.length > 0)
    problems.push(`the relation types ${named(unknownTypes)} are not in this dataset`);
  const filters: Filters = {
    hiddenEntityTypes: new Set(link.hiddenEntityTypes),
    hiddenRelationTypes: new Set(link.hiddenRelationTypes.filter((t) => model.relationTypes.has(t))),
    hiddenStatuses: new Set(link.hiddenStatuses),
    timeRange: link.timeRange,
  };
  if (link.hideUndated && link.timeRange) filters.hideUndated = true;
  const unknownSources = link.hiddenSources.filter((id) => !model.sources.has(id));
  if (unknownSources.length > 0)
    problems.push(`the sources ${named(unknownSources)} are not in this dataset`);
  const hiddenSources = link.hiddenSources.filter((id) => model.sources.has(id));
  if (hiddenSources.length > 0) filters.hiddenSources = new Set(hiddenSources);
  if (link.minSources > 1) filters.minSources = link.minSources;
  if (link.contestedOnly) filters.contestedOnly = true;
  const pinned = new Set(
    link.pinned.flatMap((i) => (visible.has(link.entities[i]!) ? [link.entities[i]!] : [])),
  );
  return { view: { visible, addedBy, positions }, selection, filters, pinned, problems };
}
