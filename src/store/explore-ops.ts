/** Pure exploring steps over a ViewState: default view, add, expand, collapse, hide. */
import { entityPasses, isFiltering, type Filters } from '../model/core/filters';
import { someRelationBetween, type Model } from '../model/core/model';
import { BUNDLE_AT } from '../model/core/parallel-relations';
import { otherEnd } from '../model/core/queries';
import {
  filteredDegree,
  filteredRelationsOf,
  relationIndexVisibleUnder,
  someFilteredRelationOf,
} from '../model/core/subgraph';
import type { Point, ViewState, Visibility } from './view-state';

/** Above this many new neighbours an expansion asks the user what to add instead of flooding the canvas. */
export const HUB_THRESHOLD = 50;
const RING_GAP = 110;

/** Relation degree under the filters: the "importance" used to pick defaults and top-N. */
export function importance(model: Model, filters: Filters, id: string): number {
  return filteredDegree(model, filters, id);
}

type Ranked = { id: string; degree: number };
const byImportance = (a: Ranked, b: Ranked) => b.degree - a.degree || a.id.localeCompare(b.id);

/** The dataset's most connected entities (around `size`), for the opening view. */
export function defaultView(model: Model, filters: Filters, size = 25): ViewState {
  // Hubs of a large dataset share hundreds of parallel relations: drawing 25 of them at once meant
  // thousands of edges and a frozen first paint. Candidates come in order of importance; one that would
  // push the drawn edges (a pair's many relations being one) past the budget is passed over for the next.
  const ranked = rankedByImportance(model, filters, size * CANDIDATES_PER_SLOT);
  const chosen = new Set<string>();
  let edges = 0;
  for (const { id } of ranked) {
    if (chosen.size >= size) break;
    const added = relationsInto(model, filters, id, chosen);
    if (chosen.size > 0 && edges + added > DEFAULT_VIEW_EDGE_BUDGET) continue;
    chosen.add(id);
    edges += added;
  }
  return { visible: chosen, addedBy: new Map(), positions: new Map() };
}

/** The opening view draws at most this many edges (the article's needs about 70). */
export const DEFAULT_VIEW_EDGE_BUDGET = 300;
const CANDIDATES_PER_SLOT = 4;

/**
 * How many edges the relations (under the filters) joining `id` to the entities already chosen are drawn
 * as: one per relation, but one for a pair with `BUNDLE_AT` or more.
 */
function relationsInto(model: Model, filters: Filters, id: string, chosen: ReadonlySet<string>): number {
  if (chosen.size === 0) return 0;
  // Pair by pair with the few chosen entities: walking a hub's own edges meant tens of thousands of
  // relations and evidence edges per candidate at 100k entities.
  let edges = 0;
  for (const other of chosen) {
    // Counting stops at BUNDLE_AT: from there on the pair is one edge, however many relations it has.
    let n = 0;
    someRelationBetween(model, id, other, (k) => {
      if (relationIndexVisibleUnder(model, filters, k)) n++;
      return n >= BUNDLE_AT;
    });
    edges += n >= BUNDLE_AT ? 1 : n;
  }
  return edges;
}

/** The `limit` most important visible entities, ties broken by id. */
function rankedByImportance(model: Model, filters: Filters, size: number): Ranked[] {
  // Asking `importance` of every entity walks every edge twice, evidence edges included: seconds, in one
  // task, at 100k entities. Unfiltered, the counts kept by the model are the answer. Filtered, they are an
  // upper bound: entities are visited from the highest count down until none left can enter the top.
  const ranked: Ranked[] = [];
  const insert = (entry: Ranked) => {
    let at = ranked.length;
    while (at > 0 && byImportance(entry, ranked[at - 1]!) < 0) at--;
    if (at >= size) return;
    ranked.splice(at, 0, entry);
    if (ranked.length > size) ranked.pop();
  };
  // Degrees by row, straight from the adjacency: no id lookup for each of 100k entities.
  const { offsets } = model.adjacency;
  const { entities } = model.data;
  const degreeAt = (i: number) => offsets[i + 1]! - offsets[i]!;
  if (!isFiltering(filters)) {
    // Every entity is visible; most of 100k fall below the last one kept and cost no object.
    for (let i = 0; i < entities.length; i++) {
      const degree = degreeAt(i);
      if (ranked.length >= size && degree < ranked[size - 1]!.degree) continue;
      insert({ id: entities[i]!.id, degree });
    }
    return ranked;
  }
  const candidates = entities
    .flatMap((e, i) =>
      entityPasses(filters, e, model.entityDates.get(i), model.entityTypes)
        ? [{ id: e.id, degree: degreeAt(i) }]
        : [],
    )
    .sort((a, b) => b.degree - a.degree);
  for (const candidate of candidates) {
    if (ranked.length >= size && candidate.degree < ranked[size - 1]!.degree) break;
    insert({ id: candidate.id, degree: importance(model, filters, candidate.id) });
  }
  return ranked;
}

/** Places `count` points on rings around `center`, leaving the existing nodes where they are. */
export function ringAround(center: Point, count: number, startRadius = RING_GAP): Point[] {
  const points: Point[] = [];
  let ring = 0;
  while (points.length < count) {
    const radius = startRadius + ring * RING_GAP * 0.8;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / 70));
    const onRing = Math.min(capacity, count - points.length);
    for (let i = 0; i < onRing; i++) {
      const angle = (2 * Math.PI * i) / onRing + ring * 0.4;
      points.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    ring++;
  }
  return points;
}

function centroid(points: Point[]): Point | undefined {
  if (points.length === 0) return undefined;
  return {
    x: points.reduce((s, p) => s + p.x, 0) / points.length,
    y: points.reduce((s, p) => s + p.y, 0) / points.length,
  };
}

/** Adds entities (e.g. from search); each lands near its visible neighbours, or beside the drawing. */
export function addEntities(
  view: ViewState,
  model: Model,
  filters: Filters,
  ids: readonly string[],
): ViewState {
  const fresh = ids.filter((id) => !view.visible.has(id) && model.entities.has(id));
  if (fresh.length === 0) return view;
  const visible = new Set(view.visible);
  const positions = new Map(view.positions);
  const all = [...view.positions.values()];
  // Loops, not Math.max(...): spreading one argument per visible entity overflows the stack in a big view.
  let right = -Infinity;
  let top = Infinity;
  for (const p of all) {
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
  }
  if (all.length > 0) right += RING_GAP;
  else right = top = 0;
  fresh.forEach((id, i) => {
    visible.add(id);
    if (all.length === 0) return; // nothing placed yet: the first layout places everyone
    const near: Point[] = [];
    someFilteredRelationOf(model, filters, id, (_k, other) => {
      const p = positions.get(model.data.entities[other]!.id);
      if (p) near.push(p);
    });
    const c = centroid(near);
    positions.set(id, c ? ringAround(c, 1, 90 + 25 * i)[0]! : { x: right, y: top + i * 80 });
  });
  return { ...view, visible, positions };
}

export interface ExpandOptions {
  relationType?: string;
  /** Keep only the N most important new neighbours. */
  limit?: number;
}

/** New neighbours an expansion would add, most important first. */
export function expansionCandidates(
  view: Visibility,
  model: Model,
  filters: Filters,
  id: string,
  options: ExpandOptions = {},
): string[] {
  // Each candidate's importance once, not in every comparison: a hub's candidates are hubs too.
  return [...newNeighbours(view, model, filters, id, options.relationType)]
    .map((other) => ({ id: other, degree: importance(model, filters, other) }))
    .sort(byImportance)
    .map((c) => c.id);
}

/** How many new neighbours an expansion would add (the "+N more" of a partly expanded node). */
export function expansionCount(
  view: Visibility,
  model: Model,
  filters: Filters,
  id: string,
  relationType?: string,
): number {
  return newNeighbours(view, model, filters, id, relationType).size;
}

function newNeighbours(
  view: Visibility,
  model: Model,
  filters: Filters,
  id: string,
  relationType?: string,
): Set<string> {
  const type =
    relationType === undefined ? -1 : model.data.relationTypes.findIndex((t) => t.id === relationType);
  const ids = new Set<string>();
  if (relationType !== undefined && type < 0) return ids;
  const { entities, relations } = model.data;
  someFilteredRelationOf(model, filters, id, (k, other) => {
    if (type >= 0 && relations.type[k] !== type) return;
    const otherId = entities[other]!.id;
    if (otherId !== id && !view.visible.has(otherId)) ids.add(otherId);
  });
  return ids;
}

/** Adds an entity's neighbours on rings around it; existing nodes keep their positions. */
export function expand(
  view: ViewState,
  model: Model,
  filters: Filters,
  id: string,
  options: ExpandOptions = {},
): ViewState {
  const candidates = expansionCandidates(view, model, filters, id, options);
  const added = options.limit === undefined ? candidates : candidates.slice(0, options.limit);
  if (added.length === 0 || !view.visible.has(id)) return view;
  const visible = new Set(view.visible);
  const addedBy = new Map(view.addedBy);
  const positions = new Map(view.positions);
  const center = positions.get(id);
  const spots = center ? ringAround(center, added.length) : [];
  added.forEach((n, i) => {
    visible.add(n);
    addedBy.set(n, id);
    const spot = spots[i];
    if (spot) positions.set(n, spot);
  });
  return { visible, addedBy, positions };
}

/** Removes the neighbours `id` brought in that no other visible entity holds on to. */
export function collapse(view: ViewState, model: Model, filters: Filters, id: string): ViewState {
  const broughtIn = [...view.addedBy].filter(([, by]) => by === id).map(([n]) => n);
  const remove = new Set(
    broughtIn.filter((n) =>
      filteredRelationsOf(model, filters, n).every((r) => {
        const other = otherEnd(r, n);
        return other === id || !view.visible.has(other) || broughtIn.includes(other);
      }),
    ),
  );
  if (remove.size === 0) return view;
  return without(view, remove);
}

/** Removes entities from the view. */
export function hide(view: ViewState, ids: Iterable<string>): ViewState {
  const remove = new Set([...ids].filter((id) => view.visible.has(id)));
  return remove.size === 0 ? view : without(view, remove);
}

function without(view: ViewState, remove: ReadonlySet<string>): ViewState {
  return {
    visible: new Set([...view.visible].filter((v) => !remove.has(v))),
    addedBy: new Map([...view.addedBy].filter(([n]) => !remove.has(n))),
    positions: new Map([...view.positions].filter(([n]) => !remove.has(n))),
  };
}
