/**
 * Which timeline mark shows a given entity or relation, so a selection or a path finds its marks without a
 * scan; a mark gathered into a "+N" marker is indexed too, so the marker can say it holds one.
 */
import type { PlacedMark } from './timeline-layout';

export interface MarkIndex {
  /** Entity id → its event mark. */
  entity: ReadonlyMap<string, PlacedMark>;
  /** Relation id → the mark of its date group. */
  relation: ReadonlyMap<string, PlacedMark>;
}

export function indexMarks(marks: readonly PlacedMark[]): MarkIndex {
  const entity = new Map<string, PlacedMark>();
  const relation = new Map<string, PlacedMark>();
  for (const m of marks) for (const id of m.ids) (m.kind === 'entity' ? entity : relation).set(id, m);
  return { entity, relation };
}

/** Every mark carrying `id`: an entity and a relation may share an id, and then both are meant. */
export function marksOf(index: MarkIndex, id: string): PlacedMark[] {
  const found: PlacedMark[] = [];
  const e = index.entity.get(id);
  const r = index.relation.get(id);
  if (e) found.push(e);
  if (r) found.push(r);
  return found;
}
