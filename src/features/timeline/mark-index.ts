/** Which timeline mark shows a given entity or relation, so a selection or a path finds its marks without a scan. */
import type { Mark } from './timeline-layout';

export interface MarkIndex {
  /** Entity id → its event mark. */
  entity: ReadonlyMap<string, Mark>;
  /** Relation id → the mark of its date group. */
  relation: ReadonlyMap<string, Mark>;
}

export function indexMarks(marks: readonly Mark[]): MarkIndex {
  const entity = new Map<string, Mark>();
  const relation = new Map<string, Mark>();
  for (const m of marks) for (const id of m.ids) (m.kind === 'entity' ? entity : relation).set(id, m);
  return { entity, relation };
}

/** Every mark carrying `id`: an entity and a relation may share an id, and then both are meant. */
export function marksOf(index: MarkIndex, id: string): Mark[] {
  const found: Mark[] = [];
  const e = index.entity.get(id);
  const r = index.relation.get(id);
  if (e) found.push(e);
  if (r) found.push(r);
  return found;
}
