/** Connection finder: the k shortest simple paths between two entities (Yen's algorithm over breadth-first search). */
import { NO_FILTERS, type Filters } from '../core/filters';
import type { Model } from '../core/model';
import { entityVisibleUnder } from '../core/subgraph';
import type { Status } from '../core/vocabulary';
import { buildLinkGraph, type LinkGraph } from './link-graph';

export interface PathOptions {
  filters: Filters;
  /** Every step must be at least this firm; null allows any status. */
  weakestStatus: Status | null;
  /** Intermediate entities with more relations than this are not passed through; null allows hubs. */
  maxHubDegree: number | null;
  /** How many paths to return at most. */
  maxPaths: number;
  /** The longest path, in steps, worth returning. */
  maxLength: number;
}

export const DEFAULT_PATH_OPTIONS: PathOptions = {
  filters: NO_FILTERS,
  weakestStatus: null,
  maxHubDegree: null,
  maxPaths: 5,
  maxLength: 4,
};

/** One step between neighbouring entities; every relation joining them is kept, firmest first. */
export interface PathStep {
  from: string;
  to: string;
  relationIds: string[];
}

export interface FoundPath {
  entityIds: string[];
  steps: PathStep[];
}

export type NoPathReason =
  | 'same-entity'
  | 'unknown-entity'
  | 'endpoint-filtered'
  /** Connected under the options, but only by paths longer than maxLength (see shortestLength). */
  | 'too-far'
  /** Connected in the dataset, but the filters, status floor or hub avoidance cut every path. */
  | 'cut-by-options'
  | 'disconnected';

export interface PathSearchResult {
  paths: FoundPath[];
  /** True when the limit stopped the search with further candidates waiting. */
  more: boolean;
  reason?: NoPathReason;
  /** For 'too-far': the length of the shortest path that does exist. */
  shortestLength?: number;
}

const pathKey = (p: readonly string[]) => p.join('>');
const edgeKey = (a: string, b: string) => (a < b ? `${a}>${b}` : `${b}>${a}`);

/**
 * Shortest path by BFS avoiding some nodes and edges, no longer than maxSteps; neighbours are visited in id order,
 * so ties resolve the same way every time.
 */
function bfs(
  g: LinkGraph,
  from: string,
  to: string,
  blockedNodes: ReadonlySet<string>,
  blockedEdges: ReadonlySet<string>,
  maxSteps = Infinity,
): string[] | null {
  if (from === to) return [from];
  const parent = new Map<string, string>([[from, from]]);
  let frontier = [from];
  // On a large graph most of the cost is the far side of it; a path longer than allowed is never wanted.
  for (let depth = 0; frontier.length > 0 && depth < maxSteps; depth++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const v of g.neighbours(u)) {
        if (parent.has(v) || blockedNodes.has(v) || blockedEdges.has(edgeKey(u, v))) continue;
        parent.set(v, u);
        if (v === to) {
          const path = [to];
          for (let c = to; c !== from;) path.push((c = parent.get(c)!));
          return path.reverse();
        }
        next.push(v);
      }
    }
    frontier = next;
  }
  return null;
}

const byLengthThenKey = (a: readonly string[], b: readonly string[]) =>
  a.length - b.length || pathKey(a).localeCompare(pathKey(b));

/** Yen's k shortest simple paths, shortest first (ties by id order), none longer than maxLength steps. */
function kShortest(
  g: LinkGraph,
  from: string,
  to: string,
  avoid: ReadonlySet<string>,
  maxPaths: number,
  maxLength: number,
): string[][] {
  const first = bfs(g, from, to, avoid, new Set(), maxLength);
  if (!first) return [];
  const found: string[][] = [first];
  const seen = new Set([pathKey(first)]);
  const candidates: string[][] = [];
  while (found.length < maxPaths) {
    const prev = found[found.length - 1]!;
    for (let i = 0; i < prev.length - 1; i++) {
      const root = prev.slice(0, i + 1);
      const rootKey = pathKey(root);
      const blockedEdges = new Set<string>();
      for (const p of found)
        if (p.length > i + 1 && pathKey(p.slice(0, i + 1)) === rootKey)
          blockedEdges.add(edgeKey(p[i]!, p[i + 1]!));
      const blockedNodes = new Set([...avoid, ...root.slice(0, -1)]);
      const spur = bfs(g, prev[i]!, to, blockedNodes, blockedEdges, maxLength - i);
      if (!spur) continue;
      const total = [...root.slice(0, -1), ...spur];
      const key = pathKey(total);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(total);
    }
    if (candidates.length === 0) break;
    candidates.sort(byLengthThenKey);
    found.push(candidates.shift()!);
  }
  return found.sort(byLengthThenKey);
}

function toFoundPath(g: LinkGraph, ids: string[]): FoundPath {
  const steps = ids.slice(1).map((to, i) => {
    const from = ids[i]!;
    return { from, to, relationIds: g.relationsBetween(from, to).map((r) => r.id) };
  });
  return { entityIds: ids, steps };
}

/** Entities other than the two ends that have more relations than the hub threshold. */
function hubsOf(
  model: Model,
  g: LinkGraph,
  ends: readonly string[],
  maxHubDegree: number | null,
): Set<string> {
  if (maxHubDegree === null) return new Set();
  // The model's unfiltered counts bound the degree under any options: only entities above the threshold
  // there are asked for their degree under these.
  const { offsets } = model.adjacency;
  return new Set(
    model.data.entities
      .filter((_e, i) => offsets[i + 1]! - offsets[i]! > maxHubDegree)
      .map((e) => e.id)
      .filter((id) => !ends.includes(id) && g.has(id) && g.degree(id) > maxHubDegree),
  );
}

/** Finds up to maxPaths paths from one entity to another, shortest first, under the filters and options. */
export function findPaths(model: Model, from: string, to: string, options: PathOptions): PathSearchResult {
  const none = (reason: NoPathReason, extra: Partial<PathSearchResult> = {}): PathSearchResult => ({
    paths: [],
    more: false,
    reason,
    ...extra,
  });
  if (!model.entities.has(from) || !model.entities.has(to)) return none('unknown-entity');
  if (from === to) return none('same-entity');
  if (!entityVisibleUnder(model, options.filters, from) || !entityVisibleUnder(model, options.filters, to))
    return none('endpoint-filtered');
  const g = buildLinkGraph(model, options);
  const avoid = hubsOf(model, g, [from, to], options.maxHubDegree);
  const limit = Math.max(1, options.maxPaths);
  // One path beyond the limit tells whether the limit held anything back.
  const paths = kShortest(g, from, to, avoid, limit + 1, options.maxLength);
  if (paths.length > 0)
    return { paths: paths.slice(0, limit).map((p) => toFoundPath(g, p)), more: paths.length > limit };
  // Nothing within reach: say why, so the user knows which knob to turn.
  const anyLength = bfs(g, from, to, avoid, new Set());
  if (anyLength) return none('too-far', { shortestLength: anyLength.length - 1 });
  const open = buildLinkGraph(model, { filters: NO_FILTERS });
  return none(bfs(open, from, to, new Set(), new Set()) ? 'cut-by-options' : 'disconnected');
}
