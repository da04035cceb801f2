/** The export look of the drawing's elements: every numbered relation labelled "[n] label" so a reader finds its quotes in the citations, the screen's emphasis without its fading. */
import type { Core, ElementDefinition } from 'cytoscape';
import { citationRanges } from '../model/export/citation-ranges';
import { drawRelations } from '../model/core/parallel-relations';
import type { Subgraph } from '../model/core/subgraph';
import { selectDrawing, selectSubgraph } from '../store/selectors';
import type { ThreadlineState } from '../store/store';
import { toElements } from './elements';
import { AWAITING_LAYOUT } from './layout';
import { partlyExpanded } from './sync-elements';
import { analysisData } from './sync-importance';

/** The citation numbers an edge stands for: a bundled edge lists its members', a relation's edge its own. */
function numbersOf(data: ElementDefinition['data'], numbers: ReadonlyMap<string, number>): number[] {
  const members: unknown = data.relationIds;
  const ids = Array.isArray(members)
    ? members.filter((m): m is string => typeof m === 'string')
    : [data.id ?? ''];
  return ids.flatMap((id) => numbers.get(id) ?? []);
}

/** The definitions with each numbered edge's label prefixed, in new objects; nodes and unnumbered edges are passed through as they are. */
export function withCitationNumbers(
  elements: readonly ElementDefinition[],
  numbers: ReadonlyMap<string, number>,
): ElementDefinition[] {
  return elements.map((el) => {
    if (el.group !== 'edges') return el;
    const own = numbersOf(el.data, numbers);
    if (own.length === 0) return el;
    const label = String(el.data.label ?? '');
    return { ...el, data: { ...el.data, label: `[${citationRanges(own)}] ${label}` } };
  });
}

/** Emphasis the export keeps from the screen: everything but fading and the wait for a layout. */
const DROPPED_CLASSES = new Set(['is-faded', AWAITING_LAYOUT]);

/**
 * The view's elements as the export draws them: labels numbered, entities where the store has them, the
 * screen's emphasis carried over and the store's analysis data (sizes, community colours) added. Entities the store has not placed yet are hidden with
 * their edges, as the screen hides them until their layout answers.
 */
export function exportElements(
  live: Core,
  state: ThreadlineState,
  numbers: ReadonlyMap<string, number>,
  /** Part of the view (a selection, a path) to draw instead of all of it. */
  part?: Subgraph,
): ElementDefinition[] {
  const { model } = state;
  if (!model) return [];
  const base = toElements(
    model,
    part ?? selectSubgraph(state),
    part ? drawRelations(part.relations, state.display.parallel === 'bundle') : selectDrawing(state),
    state.showEvidence,
    partlyExpanded(state),
  );
  const unplaced = new Set<string>();
  return withCitationNumbers(base, numbers).map((el): ElementDefinition => {
    const id = el.data.id!;
    const shown = live.getElementById(id);
    const classes = shown.nonempty() ? shown.classes().filter((c) => !DROPPED_CLASSES.has(c)) : [];
    if (el.group === 'edges') {
      const hidden = unplaced.has(el.data.source) || unplaced.has(el.data.target);
      return { ...el, classes: hidden ? [...classes, AWAITING_LAYOUT] : classes };
    }
    if (el.data.kind !== 'entity') return { ...el, classes };
    // Sizes and community colours from the store's analysis results, as the canvas paints them.
    const data = { ...el.data, ...analysisData(state.analysis, id) };
    const at = state.positions.get(id);
    if (!at) unplaced.add(id);
    return {
      ...el,
      data,
      classes: at ? classes : [...classes, AWAITING_LAYOUT],
      position: at ? { x: at.x, y: at.y } : { x: 0, y: 0 },
    };
  });
}
