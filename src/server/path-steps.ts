/**
 * The relations that make up each step of the paths found, firmest first, and the ids of the entities on
 * them. A step's relations are read from its end with fewer relations, in both directions, from the covering
 * indexes alone; only the relations found are then read for their ids. Asked as one condition over both
 * ends ("source = a AND target = b OR source = b AND target = a"), PostgreSQL read every relation into
 * either end from the table, a hub's thousands included, for each step: most of a path search's time.
 */
import type { Db } from './db';

export interface PathSteps {
  ids: Map<number, string>;
  of(x: number, y: number): { from: string; to: string; relationIds: string[] };
}

const pairKey = (x: number, y: number) => (x < y ? `${x}>${y}` : `${y}>${x}`);

export async function stepRelations(
  db: Db,
  version: number,
  paths: number[][],
  floor: number,
  types: string[] | null,
): Promise<PathSteps> {
  const entityRows = [...new Set(paths.flat())];
  const entities = await db.query<{ id: string; row: number; degree: number }>(
    `SELECT id, row, degree FROM tl_entities WHERE version = $1 AND row = ANY($2::int[])`,
    [version, entityRows],
  );
  const ids = new Map(entities.map((e) => [e.row, e.id]));
  const degree = new Map(entities.map((e) => [e.row, e.degree]));
  // Each step once, from its smaller end.
  const steps = new Map<string, [number, number]>();
  for (const p of paths)
    for (let i = 1; i < p.length; i++) {
      const [a, b] = [p[i - 1]!, p[i]!];
      const fromA = degree.get(a)! < degree.get(b)! || (degree.get(a) === degree.get(b) && a < b);
      steps.set(pairKey(a, b), fromA ? [a, b] : [b, a]);
    }
  const near = [...steps.values()].map((s) => s[0]);
  const far = [...steps.values()].map((s) => s[1]);
  const cond = 'AND m.status <= $4 AND ($5::text[] IS NULL OR m.type = ANY($5::text[]))';
  // The far end is looked for among the near end's relations, fenced off (OFFSET 0) so the planner cannot
  // turn it into an index condition: it takes either end for as selective as the other, and from a hub's
  // side reads all the hub's relations to find the few to a leaf.
  const rows = await db.query<{ id: string; source: number; target: number }>(
    `SELECT r.id, r.source, r.target FROM unnest($2::int[], $3::int[]) AS step(near, far)
     CROSS JOIN LATERAL (
       SELECT o.row FROM (SELECT m.row, m.target FROM tl_relations m
         WHERE m.version = $1 AND m.source = step.near ${cond} OFFSET 0) o WHERE o.target = step.far
       UNION ALL
       SELECT i.row FROM (SELECT m.row, m.source FROM tl_relations m
         WHERE m.version = $1 AND m.target = step.near ${cond} OFFSET 0) i WHERE i.source = step.far
     ) found
     JOIN tl_relations r ON r.version = $1 AND r.row = found.row
     ORDER BY r.status, r.row`,
    [version, near, far, floor, types],
  );
  const byPair = new Map<string, string[]>();
  // Each step is asked once and each of its relations matches one direction only: no duplicates.
  for (const r of rows) {
    const key = pairKey(r.source, r.target);
    const list = byPair.get(key);
    if (list) list.push(r.id);
    else byPair.set(key, [r.id]);
  }
  return {
    ids,
    of: (x, y) => ({ from: ids.get(x)!, to: ids.get(y)!, relationIds: byPair.get(pairKey(x, y)) ?? [] }),
  };
}
