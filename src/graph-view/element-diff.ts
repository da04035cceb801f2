/** What to change on the canvas to draw `wanted`, given what is drawn: pure, so it is tested without a browser. */
import type { ElementDefinition } from 'cytoscape';

/** What the diff needs to know of an element already drawn. */
export interface DrawnElement {
  id: string;
  label: unknown;
}

export interface ElementDiff {
  /** Ids of drawn elements no longer wanted. */
  remove: string[];
  /** New elements, nodes before edges so an edge finds both its ends. */
  add: ElementDefinition[];
  /** Drawn elements whose label changed ("+N more", a bundle's count), with their new data. */
  update: ElementDefinition[];
}

export function diffElements(
  drawn: Iterable<DrawnElement>,
  wanted: readonly ElementDefinition[],
): ElementDiff {
  const labels = new Map<string, unknown>();
  for (const el of drawn) labels.set(el.id, el.label);
  const wantedIds = new Set<string>();
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const update: ElementDefinition[] = [];
  for (const e of wanted) {
    const id = e.data.id!;
    wantedIds.add(id);
    if (!labels.has(id)) (e.group === 'nodes' ? nodes : edges).push(e);
    else if (labels.get(id) !== e.data.label) update.push(e);
  }
  const remove = [...labels.keys()].filter((id) => !wantedIds.has(id));
  return { remove, add: [...nodes, ...edges], update };
}
