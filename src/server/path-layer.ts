/**
 * What a path search reads the graph with: one layer of neighbours from the two covering indexes (each
 * relation read from whichever end is in the frontier, index-only), or only the neighbours in a given set
 * (the other side's frontier: where the two searches meet), and the degrees that weigh a frontier or keep
 * hubs out. Degrees are asked for apart, for the distinct entities that need them: joined per row, they
 * cost more than the layer itself (a probe into the entity index for each of tens of thousands of rows).
 */
import type { Db } from './db';

/** One relation read from the frontier's end: `a` in the frontier, `b` its neighbour. */
export interface LayerRow {
  a: number;
  b: number;
}

export interface LayerReader {
  /** Every relation of `frontier` that passes the floor and types; with `within`, only those to its entities. */
  rows(frontier: number[], within: number[] | null): Promise<LayerRow[]>;
  /** The summed degree of `entities`. */
  degreeSum(entities: number[]): Promise<number>;
  /** Of `entities`, those with at most `maxDegree` relations or among `ends`, with their degrees. */
  passable(
    entities: number[],
    maxDegree: number,
    ends: number[],
  ): Promise<Array<{ row: number; degree: number }>>;
}

export function layerReader(db: Db, version: number, floor: number, types: string[] | null): LayerReader {
  const typeCond = 'AND ($4::text[] IS NULL OR r.type = ANY($4::text[]))';
  return {
    rows: (frontier, within) => {
      const only = (end: string) => (within ? `AND r.${end} = ANY($5::int[])` : '');
      // UNION ALL, not UNION: duplicates (parallel relations) are dropped in Node, cheaper than a hash
      // aggregate in the database over rows that must travel anyway.
      return db.query<LayerRow>(
        `SELECT r.source AS a, r.target AS b FROM tl_relations r
           WHERE r.version = $1 AND r.source = ANY($2::int[]) AND r.status <= $3 ${typeCond} ${only('target')}
         UNION ALL
         SELECT r.target, r.source FROM tl_relations r
           WHERE r.version = $1 AND r.target = ANY($2::int[]) AND r.status <= $3 ${typeCond} ${only('source')}`,
        [version, frontier, floor, types, ...(within ? [within] : [])],
      );
    },
    degreeSum: async (entities) => {
      const [row] = await db.query<{ sum: string | number | null }>(
        'SELECT sum(degree) AS sum FROM tl_entities WHERE version = $1 AND row = ANY($2::int[])',
        [version, entities],
      );
      return Number(row?.sum ?? 0);
    },
    passable: (entities, maxDegree, ends) =>
      db.query<{ row: number; degree: number }>(
        `SELECT row, degree FROM tl_entities
           WHERE version = $1 AND row = ANY($2::int[]) AND (degree <= $3 OR row = ANY($4::int[]))`,
        [version, entities, maxDegree, ends],
      ),
  };
}
