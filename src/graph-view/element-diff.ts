/** What to change on the canvas to draw `wanted`, given what is drawn: pure, so it is tested without a browser. */
import type { ElementDefinition } from 'cytoscape';

/** What the diff needs to know of an element already drawn: its id and what it is drawn with. */
export interface DrawnElement {
  id: string;
  label: unknown;
  /** A relation's status, independent sources and whether it is contested: a source filter changes them. */
  status?: unknown;
  sources?: unknown;
  contested?: unknown;
}

/** The data the canvas restyles in place when it changes; anything else about an element is its identity. */
export const RESTYLED = ['label', 'status', 'sources', 'contested'] as const;

export interface ElementDiff {
  /** Ids of drawn elements no longer wanted. */
  remove: string[];
  /** New elements, nodes before edges so an edge finds both its ends. */
  add: ElementDefinition[];
  /** Drawn elements whose label or look changed ("+N more", a bundle's count, a status), with their new data. */
  update: ElementDefinition[];
}

export function diffElements(
  drawn: Iterable<DrawnElement>,
  wanted: readonly ElementDefinition[],
): ElementDiff {
  const labels = new Map<string, DrawnElement>();
  for (const el of drawn) labels.set(el.id, el);
  const wantedIds = new Set<string>();
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const update: ElementDefinition[] = [];
  for (const e of wanted) {
    const id = e.data.id!;
    wantedIds.add(id);
    if (!labels.has(id)) (e.group === 'nodes' ? nodes : edges).push(e);
    else {
      const was = labels.get(id)!;
      if (RESTYLED.some((k) => was[k] !== e.data[k])) update.push(e);
    }
  }
  const remove = [...labels.keys()].filter((id) => !wantedIds.has(id));
  return { remove, add: [...nodes, ...edges], update };
}
