/** The entities within N relations of a focus entity: the view the CLI exports when given --focus and --depth. */
import type { Filters } from '../core/filters';
import type { Model } from '../core/model';
import { otherEnd } from '../core/queries';
import { filteredRelationsOf } from '../core/subgraph';

/** Breadth-first, focus first; depth 0 is the focus alone. Unknown focus ids give an empty list. */
export function neighbourhood(model: Model, filters: Filters, focus: string, depth: number): string[] {
  if (!model.entities.has(focus)) return [];
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const r of filteredRelationsOf(model, filters, id)) {
        const other = otherEnd(r, id);
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    frontier = next;
  }
  return [...seen];
}
