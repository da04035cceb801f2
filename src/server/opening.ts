/**
 * The entities a server dataset's explorer opens on: the most connected, as a local dataset's opening view,
 * but kept to a budget of relations among them. Hubs of a large graph share thousands of relations (the
 * 25 best connected of the generated 1M dataset: 29,008), and the opening loads every relation among its
 * entities with its quotes and sources: it never finished drawing.
 */
import type { Db } from './db';

/** The most relations an opening loads among its entities (the bundled article's needs about 100). */
export const OPENING_RELATION_BUDGET = 300;
/** Candidates looked at per place, best connected first. */
const CANDIDATES_PER_PLACE = 4;

export interface PairCount {
  a: number;
  b: number;
  n: number;
}

/**
 * Takes candidates in order, passing over one whose relations with those already taken would push the
 * total past `budget` (the first is always taken), until `size` are taken.
 */
export function chooseOpening(
  candidates: readonly number[],
  pairs: readonly PairCount[],
  size: number,
  budget: number,
): number[] {
  const between = new Map<number, Map<number, number>>();
  const link = (x: number, y: number, n: number) => {
    const m = between.get(x) ?? new Map<number, number>();
    m.set(y, n);
    between.set(x, m);
  };
  for (const { a, b, n } of pairs) {
    link(a, b, n);
    link(b, a, n);
  }
  const chosen: number[] = [];
  let total = 0;
  for (const c of candidates) {
    if (chosen.length >= size) break;
    const mine = between.get(c);
    const added = mine ? chosen.reduce((sum, x) => sum + (mine.get(x) ?? 0), 0) : 0;
    if (chosen.length > 0 && total + added > budget) continue;
    chosen.push(c);
    total += added;
  }
  return chosen;
}

/** The ids of the opening's entities, in order of connection. */
export async function openingEntities(
  db: Db,
  version: number,
  size: number,
  budget = OPENING_RELATION_BUDGET,
): Promise<string[]> {
  const candidates = await db.query<{ row: number; id: string }>(
    `SELECT row, id FROM tl_entities WHERE version = $1 ORDER BY degree DESC, row LIMIT $2`,
    [version, size * CANDIDATES_PER_PLACE],
  );
  const rows = candidates.map((c) => c.row);
  const pairs = await db.query<PairCount>(
    `SELECT least(source, target) AS a, greatest(source, target) AS b, count(*)::int AS n
     FROM tl_relations WHERE version = $1 AND source = ANY($2::int[]) AND target = ANY($2::int[])
     GROUP BY 1, 2`,
    [version, rows],
  );
  const ids = new Map(candidates.map((c) => [c.row, c.id]));
  return chooseOpening(rows, pairs, size, budget).map((row) => ids.get(row)!);
}
