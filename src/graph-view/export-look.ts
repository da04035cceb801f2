/** The export look of the drawing's elements: every numbered relation labelled "[n] label", so a reader finds its quotes in the citations. */
import type { ElementDefinition } from 'cytoscape';
import { citationRanges } from '../model/export/citation-ranges';

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
