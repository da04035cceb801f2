/** A step from what the explorer shows, and back onto a loaded dataset, naming what it no longer has. */
import type { Filters } from '../core/filters';
import type { Model } from '../core/model';
import { pairEnds } from '../core/parallel-relations';
import { MAX_CAPTION, type StoryStep } from './story';

interface ShownView {
  visible: ReadonlySet<string>;
  addedBy: ReadonlyMap<string, string>;
  positions: ReadonlyMap<string, { x: number; y: number }>;
}
type Selected = StoryStep['selection'];

export function stepFromView(
  view: ShownView,
  selection: Selected,
  filters: Filters,
  pinned: ReadonlySet<string>,
  caption: string,
  quoteId?: string,
): StoryStep {
  const entities = [...view.visible];
  return {
    caption: caption.slice(0, MAX_CAPTION),
    ...(quoteId ? { quoteId } : {}),
    entities,
    positions: entities.map((id) => {
      const p = view.positions.get(id);
      return p ? { x: Math.round(p.x), y: Math.round(p.y) } : null;
    }),
    selection,
    hiddenEntityTypes: [...filters.hiddenEntityTypes],
    hiddenRelationTypes: [...filters.hiddenRelationTypes],
    hiddenStatuses: [...filters.hiddenStatuses],
    timeRange: filters.timeRange,
    pinned: entities.filter((id) => pinned.has(id)),
  };
}

export interface ResolvedStep {
  visible: Set<string>;
  positions: Map<string, { x: number; y: number }>;
  selection: Selected;
  filters: Filters;
  pinned: Set<string>;
  quoteId?: string;
  /** What the dataset no longer has, in words; the step still plays with the rest. */
  problems: string[];
}

export function resolveStep(model: Model, step: StoryStep, base: Filters): ResolvedStep {
  const problems: string[] = [];
  const gone = step.entities.filter((id) => !model.entities.has(id));
  if (gone.length > 0) {
    const named = gone
      .slice(0, 3)
      .map((id) => `"${id}"`)
      .join(', ');
    problems.push(
      `${named}${gone.length > 3 ? ` and ${gone.length - 3} more` : ''} ${gone.length === 1 ? 'is' : 'are'} no longer in the dataset`,
    );
  }
  const visible = new Set<string>();
  const positions = new Map<string, { x: number; y: number }>();
  step.entities.forEach((id, i) => {
    if (!model.entities.has(id)) return;
    visible.add(id);
    const p = step.positions[i];
    if (p) positions.set(id, p);
  });
  let selection = step.selection;
  if (selection?.kind === 'entity' && !visible.has(selection.id)) selection = null;
  if (selection?.kind === 'relation') {
    const r = model.relations.get(selection.id);
    if (!r || !visible.has(r.source) || !visible.has(r.target)) selection = null;
  }
  if (selection?.kind === 'pair' && !(pairEnds(selection.id) ?? []).every((e) => visible.has(e)))
    selection = null;
  if (step.selection && !selection) problems.push('what the step had selected is no longer there');
  let quoteId = step.quoteId;
  if (quoteId && !model.index.quote().get(quoteId)) {
    problems.push(`the quote "${quoteId}" is no longer in the dataset`);
    quoteId = undefined;
  }
  return {
    visible,
    positions,
    selection,
    filters: {
      ...base,
      hiddenEntityTypes: new Set(step.hiddenEntityTypes),
      hiddenRelationTypes: new Set(step.hiddenRelationTypes.filter((t) => model.relationTypes.has(t))),
      hiddenStatuses: new Set(step.hiddenStatuses),
      timeRange: step.timeRange,
    },
    pinned: new Set(step.pinned.filter((id) => visible.has(id))),
    ...(quoteId ? { quoteId } : {}),
    problems,
  };
}
