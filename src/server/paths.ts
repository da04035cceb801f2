/**
 * Shortest connections between two entities over the database: a breadth-first search from both ends at
 * once, one SQL query per layer, expanding the frontier with the fewer relations, within a depth limit, a status floor and
 * a node budget, never passing through a hub. Returns every shortest path found, up to `maxPaths`.
 */
import { STATUSES, type Status } from '../model/core/vocabulary';
import type { Db } from './db';

export interface ServerPathOptions {
  maxLength: number;
  /** The weakest status a step may rest on; null allows any but refuted. */
  minStatus: Status | null;
  /** Intermediate entities with more relations than this are not passed through; null allows hubs. */
  maxHubDegree: number | null;
  maxPaths: number;
  /** Only relations of these types; null allows all. */
  relationTypes: string[] | null;
  /** How many entities the search may reach before it gives up (a bound on the work per request). */
  budget: number;
  /**
   * Milliseconds the search may spend before it gives up with `budget` (checked between layers; default
   * PATH_TIME_BUDGET_MS). PGlite cannot cancel a statement — PostgreSQL's statement timeout never fires
   * inside WebAssembly — so this, the entity budget and each layer's one statement bound a search there.
   */
  timeBudgetMs?: number;
  /** Told each layer as it is read: which end's side grew, from how many entities, and how many rows came back. */
  onLayer?: (layer: PathLayer) => void;
}

export interface PathLayer {
  side: 'from' | 'to';
  frontier: number;
  /** The frontier's summed degree: what chose the side. */
  weight: number;
  rows: number;
}

export const PATH_TIME_BUDGET_MS = 5000;

export interface ServerPath {
  entityIds: string[];
  steps: Array<{ from: string; to: string; relationIds: string[] }>;
}

export type ServerPathReason = 'same-entity' | 'unknown-entity' | 'too-far' | 'disconnected' | 'budget';

export interface ServerPathResult {
  paths: ServerPath[];
  more: boolean;
  reason?: ServerPathReason;
}

const REFUTED = STATUSES.indexOf('refuted');

interface Side {
  depth: Map<number, number>;
  parents: Map<number, number[]>;
  frontier: number[];
  /** The frontier's summed degree (precomputed per entity): about the rows its next layer reads. */
  weight: number;
  level: number;
}

const side = (start: number, degree: number): Side => ({
  depth: new Map([[start, 0]]),
  parents: new Map(),
  frontier: [start],
  weight: degree,
  level: 0,
});

export async function findPaths(
  db: Db,
  version: number,
  fromId: string,
  toId: string,
  o: ServerPathOptions,
): Promise<ServerPathResult> {
  if (fromId === toId) return { paths: [], more: false, reason: 'same-entity' };
  const ends = await db.query<{ id: string; row: number; degree: number }>(
    `SELECT id, row, degree FROM tl_entities WHERE version = $1 AND id = ANY($2::text[])`,
    [version, [fromId, toId]],
  );
  const fromEnd = ends.find((e) => e.id === fromId);
  const toEnd = ends.find((e) => e.id === toId);
  const from = fromEnd?.row;
  const to = toEnd?.row;
  if (from === undefined || to === undefined) return { paths: [], more: false, reason: 'unknown-entity' };
  // A status floor keeps to the order firmest → weakest, and whatever floor is chosen leaves a refuted relation
  // out; with none, every relation counts, as in the explorer's own connection finder.
  const floor = o.minStatus === null ? REFUTED : Math.min(STATUSES.indexOf(o.minStatus), REFUTED - 1);
  const hubs = o.maxHubDegree !== null;
  const params = (frontier: number[], only: number[] | null) => [
    version,
    frontier,
    floor,
    o.relationTypes,
    ...(hubs ? [o.maxHubDegree, [from, to]] : []),
    ...(only ? [only] : []),
  ];
  const expandSql = (only: boolean) => {
    const typeCond = 'AND ($4::text[] IS NULL OR r.type = ANY($4::text[]))';
    const onlyAt = hubs ? 7 : 5;
    const within = (end: string) => (only ? `AND r.${end} = ANY($${onlyAt}::int[])` : '');
    const union = `
      SELECT r.source AS a, r.target AS b FROM tl_relations r
        WHERE r.version = $1 AND r.source = ANY($2::int[]) AND r.status <= $3 ${typeCond} ${within('target')}
      UNION
      SELECT r.target, r.source FROM tl_relations r
        WHERE r.version = $1 AND r.target = ANY($2::int[]) AND r.status <= $3 ${typeCond} ${within('source')}`;
    // Each reached entity comes with its degree (from the row index alone), which weighs the next frontier
    // and, with a hub limit, keeps hubs out.
    return `SELECT n.a, n.b, e.degree FROM (${union}) n JOIN tl_entities e ON e.version = $1 AND e.row = n.b
      ${hubs ? 'WHERE e.degree <= $5 OR n.b = ANY($6::int[])' : ''}`;
  };

  const started = performance.now();
  const timeBudget = o.timeBudgetMs ?? PATH_TIME_BUDGET_MS;
  const forward = side(from, fromEnd!.degree);
  const backward = side(to, toEnd!.degree);
  let reached = 2;
  let meeting: number[] = [];
  let reason: ServerPathReason | undefined;
  while (meeting.length === 0) {
    if (forward.level + backward.level >= o.maxLength) {
      reason = 'too-far';
      break;
    }
    // The side whose frontier has fewer relations, not fewer entities: a frontier of three hubs reads far
    // more rows than one of thirty leaves.
    const grow = forward.weight <= backward.weight ? forward : backward;
    const other = grow === forward ? backward : forward;
    // The last layer the depth limit allows can only matter where it meets the other side, so it asks for
    // those entities alone: the widest layer, cut to the few rows that make paths. Only when it meets
    // nothing is the whole layer read, to tell a search that ran out of graph or budget from one too short.
    const last = forward.level + backward.level + 1 === o.maxLength;
    let rows = last
      ? await db.query<{ a: number; b: number; degree: number }>(
          expandSql(true),
          params(grow.frontier, [...other.depth.keys()]),
        )
      : [];
    if (rows.length === 0)
      rows = await db.query<{ a: number; b: number; degree: number }>(
        expandSql(false),
        params(grow.frontier, null),
      );
    o.onLayer?.({
      side: grow === forward ? 'from' : 'to',
      frontier: grow.frontier.length,
      weight: grow.weight,
      rows: rows.length,
    });
    const next: number[] = [];
    let weight = 0;
    for (const { a, b, degree } of rows) {
      const known = grow.depth.get(b);
      if (known === undefined) {
        grow.depth.set(b, grow.level + 1);
        grow.parents.set(b, [a]);
        next.push(b);
        weight += degree;
      } else if (known === grow.level + 1) grow.parents.get(b)!.push(a);
    }
    // Rows come in whatever order the plan reads them; sorted parents make the paths chosen (when there are
    // more than maxPaths) the same whichever plan ran.
    for (const v of next) grow.parents.get(v)!.sort((x, y) => x - y);
    grow.level++;
    grow.frontier = next;
    grow.weight = weight;
    reached += next.length;
    meeting = next.filter((v) => other.depth.has(v));
    if (meeting.length > 0) break;
    if (next.length === 0) {
      reason = 'disconnected';
      break;
    }
    if (reached > o.budget || performance.now() - started >= timeBudget) {
      reason = 'budget';
      break;
    }
  }
  if (meeting.length === 0) return { paths: [], more: reason === 'budget', ...(reason ? { reason } : {}) };

  // Every shortest path runs through a meeting entity: walk its parents back to each end.
  const walks = (s: Side, v: number, limit: number): number[][] => {
    const parents = s.parents.get(v);
    if (!parents) return [[v]];
    const out: number[][] = [];
    for (const p of parents) {
      for (const w of walks(s, p, limit - out.length)) {
        out.push([...w, v]);
        if (out.length >= limit) return out;
      }
    }
    return out;
  };
  const rowPaths: number[][] = [];
  let more = false;
  // Meeting nodes sit at the same distance from both ends only when reached in the same layer: keep the shortest.
  const length = (v: number) => forward.depth.get(v)! + backward.depth.get(v)!;
  const best = Math.min(...meeting.map(length));
  const seen = new Set<string>();
  for (const m of meeting.filter((v) => length(v) === best).sort((a, b) => a - b)) {
    for (const head of walks(forward, m, o.maxPaths + 1))
      for (const tail of walks(backward, m, o.maxPaths + 1)) {
        const path = [...head, ...[...tail].reverse().slice(1)];
        const key = path.join('>');
        if (seen.has(key)) continue;
        seen.add(key);
        if (rowPaths.length === o.maxPaths) more = true;
        else rowPaths.push(path);
      }
  }
  const steps = await stepRelations(db, version, rowPaths, floor, o.relationTypes);
  return {
    paths: rowPaths.map((p) => ({
      entityIds: p.map((r) => steps.ids.get(r)!),
      steps: p.slice(1).map((to, i) => steps.of(p[i]!, to)),
    })),
    more,
  };
}

/** The relations that make up each step, firmest first, and the ids of the entities on the paths. */
async function stepRelations(
  db: Db,
  version: number,
  paths: number[][],
  floor: number,
  types: string[] | null,
) {
  const a: number[] = [];
  const b: number[] = [];
  for (const p of paths)
    for (let i = 1; i < p.length; i++) {
      a.push(p[i - 1]!);
      b.push(p[i]!);
    }
  const rows = await db.query<{ id: string; source: number; target: number }>(
    `SELECT r.id, r.source, r.target FROM unnest($2::int[], $3::int[]) AS pair(a, b)
     JOIN tl_relations r ON r.version = $1 AND ((r.source = pair.a AND r.target = pair.b) OR (r.source = pair.b AND r.target = pair.a))
     WHERE r.status <= $4 AND ($5::text[] IS NULL OR r.type = ANY($5::text[]))
     ORDER BY r.status, r.row`,
    [version, a, b, floor, types],
  );
  const byPair = new Map<string, string[]>();
  for (const r of rows) {
    const key = r.source < r.target ? `${r.source}>${r.target}` : `${r.target}>${r.source}`;
    const list = byPair.get(key) ?? [];
    if (!list.includes(r.id)) list.push(r.id);
    byPair.set(key, list);
  }
  const entityRows = [...new Set(paths.flat())];
  const names = await db.query<{ id: string; row: number }>(
    `SELECT id, row FROM tl_entities WHERE version = $1 AND row = ANY($2::int[])`,
    [version, entityRows],
  );
  const ids = new Map(names.map((n) => [n.row, n.id]));
  return {
    ids,
    of: (x: number, y: number) => ({
      from: ids.get(x)!,
      to: ids.get(y)!,
      relationIds: byPair.get(x < y ? `${x}>${y}` : `${y}>${x}`) ?? [],
    }),
  };
}
