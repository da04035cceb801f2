/**
 * Shortest connections between two entities over the database: a breadth-first search from both ends at
 * once, one SQL query per layer, expanding the frontier with the fewer relations, within a depth limit, a status floor and
 * a node budget, never passing through a hub. Returns every shortest path found, up to `maxPaths`.
 */
import { STATUSES, type Status } from '../model/core/vocabulary';
import type { Db } from './db';
import { layerReader } from './path-layer';
import { stepRelations } from './path-steps';

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
  /**
   * A layer whose frontier has at least this many relations is first read for its meetings only (default
   * WIDE_LAYER); the last layer the depth limit allows always is.
   */
  wideLayer?: number;
  /** Told each layer as it is read: which end's side grew, from how many entities, and how many rows came back. */
  onLayer?: (layer: PathLayer) => void;
}

/** A search that names only its ends: what the API asks by default. */
export const DEFAULT_SERVER_PATH_OPTIONS: ServerPathOptions = {
  maxLength: 4,
  minStatus: null,
  maxHubDegree: null,
  maxPaths: 5,
  relationTypes: null,
  budget: 200_000,
};

export interface PathLayer {
  side: 'from' | 'to';
  frontier: number;
  /** The frontier's summed degree: what chose the side. */
  weight: number;
  rows: number;
  /** Milliseconds the layer's statements took. */
  ms?: number;
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

/**
 * A layer whose frontier has at least this many relations is first read for its meetings only. Past a hub
 * a layer reaches much of the graph and most often meets the other side: then the few rows that make
 * paths are all that is read, not tens of thousands.
 */
export const WIDE_LAYER = 5000;

interface Side {
  depth: Map<number, number>;
  parents: Map<number, number[]>;
  frontier: number[];
  /**
   * The frontier's summed degree (precomputed per entity): about the rows its next layer reads. Summed in
   * the database only when `atLeast` cannot settle which side grows; null until then.
   */
  weight: number | null;
  /** A floor under `weight`: each frontier entity has at least the relations it was reached by. */
  atLeast: number;
  level: number;
}

const side = (start: number, degree: number): Side => ({
  depth: new Map([[start, 0]]),
  parents: new Map(),
  frontier: [start],
  weight: degree,
  atLeast: degree,
  level: 0,
});

/** Sorted and without repeats: the paths chosen (when there are more than maxPaths) do not depend on the plan's row order. */
const sortedSet = (xs: number[]) => {
  xs.sort((x, y) => x - y);
  return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
};

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
  const read = layerReader(db, version, floor, o.relationTypes);

  const started = performance.now();
  const timeBudget = o.timeBudgetMs ?? PATH_TIME_BUDGET_MS;
  const forward = side(from, fromEnd!.degree);
  const backward = side(to, toEnd!.degree);
  const weigh = async (s: Side) => (s.weight ??= await read.degreeSum(s.frontier));
  // The side whose frontier has fewer relations, not fewer entities: a frontier of three hubs reads far
  // more rows than one of thirty leaves. Ties go forward. Whichever side it picks has been weighed.
  const growForward = async (): Promise<boolean> => {
    if (forward.weight === null && backward.weight === null)
      await weigh(forward.atLeast <= backward.atLeast ? forward : backward);
    if (forward.weight === null) {
      if (forward.atLeast > backward.weight!) return false;
      await weigh(forward);
    } else if (backward.weight === null) {
      if (forward.weight <= backward.atLeast) return true;
      await weigh(backward);
    }
    return forward.weight! <= backward.weight!;
  };
  let reached = 2;
  let meeting: number[] = [];
  let reason: ServerPathReason | undefined;
  for (;;) {
    if (forward.level + backward.level >= o.maxLength) {
      reason = 'too-far';
      break;
    }
    const grow = (await growForward()) ? forward : backward;
    const other = grow === forward ? backward : forward;
    // The two sides never share an entity until they meet, and every neighbour of the other side's inner
    // layers is in it already: a meeting can only be on its frontier. The last layer the depth limit allows
    // matters only where it meets, and a wide one likely meets: both are read for the meetings first. Only
    // when that finds none is the whole layer read, to go on, or to tell a search that ran out of graph or
    // budget from one too short.
    const layerStart = performance.now();
    const last = forward.level + backward.level + 1 === o.maxLength;
    let rows =
      last || grow.weight! >= (o.wideLayer ?? WIDE_LAYER)
        ? await read.rows(grow.frontier, other.frontier)
        : [];
    if (rows.length === 0) rows = await read.rows(grow.frontier, null);
    // Entities new to this side, each with the frontier entities it was reached from.
    const reachedFrom = new Map<number, number[]>();
    for (const { a, b } of rows) {
      if (grow.depth.has(b)) continue;
      const list = reachedFrom.get(b);
      if (list) list.push(a);
      else reachedFrom.set(b, [a]);
    }
    meeting = [...reachedFrom.keys()].filter((v) => other.depth.has(v));
    // Hubs are kept out of the search, but a meeting is never one: the other side let it in.
    let next = meeting.length > 0 ? meeting : [...reachedFrom.keys()];
    let weight: number | null = null;
    if (o.maxHubDegree !== null && meeting.length === 0 && next.length > 0) {
      const passable = await read.passable(next, o.maxHubDegree, [from, to]);
      next = passable.map((e) => e.row);
      weight = passable.reduce((sum, e) => sum + e.degree, 0);
    }
    o.onLayer?.({
      side: grow === forward ? 'from' : 'to',
      frontier: grow.frontier.length,
      weight: grow.weight!,
      rows: rows.length,
      ms: performance.now() - layerStart,
    });
    let atLeast = 0;
    for (const v of next) {
      const parents = sortedSet(reachedFrom.get(v)!);
      grow.depth.set(v, grow.level + 1);
      grow.parents.set(v, parents);
      atLeast += parents.length;
    }
    if (meeting.length > 0) break;
    grow.level++;
    grow.frontier = next;
    grow.weight = weight;
    grow.atLeast = atLeast;
    reached += next.length;
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
  const seen = new Set<string>();
  for (const m of meeting.sort((a, b) => a - b)) {
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
