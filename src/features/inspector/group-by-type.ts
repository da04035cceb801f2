/** Relations grouped by type, largest group first, as the inspector lists them. */
import type { RelationRecord } from '../../model/format/schema';

export function groupByType(relations: Iterable<RelationRecord>): Array<[string, RelationRecord[]]> {
  const byType = new Map<string, RelationRecord[]>();
  for (const r of relations) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return [...byType].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
