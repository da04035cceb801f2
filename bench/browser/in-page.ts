/**
 * Code that runs inside the page (passed to page.evaluate / addInitScript, so each function is serialised
 * alone and may use only its arguments and the page's globals).
 */
import type { Core } from 'cytoscape';
import type { ViewState } from '../../src/store/view-state';

export interface BenchProbe {
  longTasks: Array<{ start: number; duration: number }>;
  /** performance.now() when the default view was first painted, or null until then. */
  ready: number | null;
  /** When the model held its evidence (at once for a bundle; later for compact files), or null until then. */
  evidence: number | null;
  /** When the app showed its error screen instead of the explorer, and what it said. */
  refused: { at: number; text: string } | null;
  /** The exploring view of each element level, once laid out. */
  levels: Record<number, ViewState>;
  click: { start: number | null; shown: number | null };
}

declare global {
  interface Window {
    __bench?: BenchProbe;
    /** The bare Cytoscape of the floor page. */
    benchCy?: Core;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`; the page has no
 * such helper, so every page gets a no-op one before any serialised function runs.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Before the app's scripts: record long tasks, and note when the default view is drawn and a frame painted. */
export function installProbe(): void {
  const probe: BenchProbe = {
    longTasks: [],
    ready: null,
    evidence: null,
    refused: null,
    levels: {},
    click: { start: null, shown: null },
  };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    const t = window.threadline;
    if (t?.cy && t.cy.nodes().length > 0 && t.getState().positions.size > 0) {
      // The view is in Cytoscape; the next frame callback runs after that frame has been painted.
      requestAnimationFrame(() => {
        probe.ready = performance.now();
      });
      const evidence = () => {
        if (window.threadline?.getState().model?.data.evidence) probe.evidence = performance.now();
        else requestAnimationFrame(evidence);
      };
      requestAnimationFrame(evidence);
      return;
    }
    const error = document.querySelector('.error-screen');
    if (error) {
      const problem = error.querySelector('li') ?? error;
      probe.refused = { at: performance.now(), text: (problem.textContent ?? '').trim() };
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** What a finished (or abandoned) navigation shows: its long tasks, what is drawn, the page's clock origin. */
export function loadReport(): {
  ready: number | null;
  evidence: number | null;
  refused: { at: number; text: string } | null;
  now: number;
  timeOrigin: number;
  longTasks: Array<{ start: number; duration: number }>;
  elements: number;
} {
  const probe = window.__bench!;
  return {
    ready: probe.ready,
    evidence: probe.evidence,
    refused: probe.refused,
    now: performance.now(),
    timeOrigin: performance.timeOrigin,
    longTasks: probe.longTasks,
    elements: window.threadline?.cy?.elements().length ?? 0,
  };
}

/**
 * Chooses entities for a view of about `target` elements (entities + the relations among them): a walk
 * outwards from an entity taking at most 20 neighbours of each, through entities with at most 50 relations
 * (what the app expands without asking first), as a user expanding nodes would. Hubs are left out: two
 * hubs alone share hundreds of parallel relations here, so a view with them is almost all edges (the
 * default view is: 25 hubs, 3,748 relations at 10k). Shows the entities without positions, so the app
 * lays them out (fCoSE) as it does any new view.
 */
export function showLevel(target: number): { entities: number; expected: number } {
  const t = window.threadline!;
  const s = t.getState();
  const model = s.model!;
  const { offsets, neighbours } = model.adjacency;
  const ids = model.data.entities.map((e) => e.id);
  /** The entity at the other end of each relation of `id`, a self-loop's once. */
  const othersOf = (id: string): string[] => {
    const i = model.index.entity.get(id)!;
    const out: string[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out.push(ids[neighbours[k]!]!);
    return out;
  };
  // A hub a user can still expand in full (the prompt asks above 50 new neighbours): the largest at or under 50.
  let seed = ids[0]!;
  let best = -1;
  for (const e of model.data.entities) {
    const d = model.relationCounts.get(e.id) ?? 0;
    if (d <= 50 && d > best) {
      best = d;
      seed = e.id;
    }
  }
  const chosen = new Set<string>();
  let elements = 0;
  const add = (id: string) => {
    chosen.add(id);
    elements++;
    for (const other of othersOf(id)) if (chosen.has(other)) elements++;
  };
  const queue = [seed];
  add(seed);
  while (queue.length > 0 && elements < target) {
    const id = queue.shift()!;
    let taken = 0;
    for (const other of new Set(othersOf(id))) {
      if (elements >= target || taken >= 20) break;
      if (chosen.has(other)) continue;
      if ((model.relationCounts.get(other) ?? 0) > 50) continue;
      add(other);
      queue.push(other);
      taken++;
    }
  }
  t.actions.restoreView({ visible: chosen, addedBy: new Map(), positions: new Map() }, null, s.filters);
  return { entities: chosen.size, expected: elements };
}

/** Whether the level's layout has finished (every visible entity placed); keeps it as that level's view. */
export function levelReady(target: number): boolean {
  const t = window.threadline!;
  const { view, positions } = t.getState();
  if (view.visible.size === 0 || positions.size < view.visible.size) return false;
  window.__bench!.levels[target] = { ...view, positions };
  return true;
}

/** Back to a level's view (no layout: it has positions), fitted, with no selection. */
export function restoreLevel(target: number): number {
  const t = window.threadline!;
  t.actions.restoreView(window.__bench!.levels[target]!, null, t.getState().filters);
  t.cy!.fit(undefined, 40);
  return t.cy!.elements().length;
}

/** Two frames, then `ms` more: the last change painted, and debounced work (the saved view, 250 ms) done. */
export async function settle(ms: number): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Visible entities with between 1 and 50 hidden neighbours (so expanding them asks nothing), split by how
 * many elements the expansion adds: the new entities and every relation they have to what is then drawn.
 * Typical ones (at most 100) largest first; heavy ones (500 or more: a hub among the new neighbours drags
 * in its parallel relations) smallest first.
 */
export function expandCandidates(count: number): {
  typical: Array<{ id: string; adds: number }>;
  heavy: Array<{ id: string; adds: number }>;
} {
  // Inside the function: it is serialised into the page alone.
  const TYPICAL_MAX = 100;
  const HEAVY_MIN = 500;
  const t = window.threadline!;
  const { model, view } = t.getState();
  const { offsets, neighbours } = model!.adjacency;
  const ids = model!.data.entities.map((e) => e.id);
  const othersOf = (id: string): string[] => {
    const i = model!.index.entity.get(id)!;
    const out: string[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out.push(ids[neighbours[k]!]!);
    return out;
  };
  const rated = [...view.visible].flatMap((id) => {
    const fresh = new Set<string>();
    for (const other of othersOf(id)) if (!view.visible.has(other)) fresh.add(other);
    if (fresh.size === 0 || fresh.size > 50) return [];
    let adds = fresh.size;
    for (const n of fresh)
      for (const other of othersOf(n))
        // A relation between two new entities is met from both ends: counted from the smaller id only.
        if (view.visible.has(other) || (fresh.has(other) && n <= other)) adds++;
    return [{ id, adds }];
  });
  const typical = rated
    .filter((r) => r.adds <= TYPICAL_MAX)
    .sort((a, b) => b.adds - a.adds || (a.id < b.id ? -1 : 1));
  const heavy = rated
    .filter((r) => r.adds >= HEAVY_MIN)
    .sort((a, b) => a.adds - b.adds || (a.id < b.id ? -1 : 1));
  return { typical: typical.slice(0, count), heavy: heavy.slice(0, count) };
}

/** Expands `id` and waits until its new neighbours are in Cytoscape and a frame with them has been painted. */
export async function timeExpand(
  id: string,
): Promise<{ ms: number; syncMs: number; added: number; elementsAdded: number; prompted: boolean }> {
  const t = window.threadline!;
  const before = new Set(t.getState().view.visible);
  const elementsBefore = t.cy!.elements().length;
  const t0 = performance.now();
  t.actions.expand(id);
  // The store's subscribers (the canvas's element sync among them) have run by the time expand returns.
  const syncMs = performance.now() - t0;
  const fresh = [...t.getState().view.visible].filter((v) => !before.has(v));
  const cy = t.cy!;
  while (fresh.some((v) => cy.getElementById(v).empty())) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {
    ms: performance.now() - t0,
    syncMs,
    added: fresh.length,
    elementsAdded: cy.elements().length - elementsBefore,
    prompted: t.getState().hubPrompt !== null,
  };
}

/**
 * Relation edges a click can hit unambiguously: midpoint on screen and clear of every node's box, spread
 * over the view. Returns their ids.
 */
export function clickableEdges(count: number): string[] {
  const cy = window.threadline!.cy!;
  const w = cy.width();
  const h = cy.height();
  const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
  const clear = cy.edges('[kind = "relation"]').filter((e) => {
    if (e.source().same(e.target())) return false;
    const p = e.renderedMidpoint();
    if (p.x < 20 || p.y < 20 || p.x > w - 20 || p.y > h - 20) return false;
    return boxes.every((b) => p.x < b.x1 - 6 || p.x > b.x2 + 6 || p.y < b.y1 - 6 || p.y > b.y2 + 6);
  });
  const ids = clear.map((e) => e.id());
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids.filter((_id, i) => i % step === 0).slice(0, count);
}

/**
 * Starts listening for the next edge click: the pointerup's timestamp (Cytoscape selects on tap, which
 * fires on release), and the first frame painted after the inspector shows a blockquote.
 */
export function armClick(): void {
  const probe = window.__bench!;
  probe.click = { start: null, shown: null };
  const inspector = document.querySelector('[data-testid="inspector"]')!;
  const onUp = (e: PointerEvent) => {
    probe.click.start = e.timeStamp;
  };
  document.addEventListener('pointerup', onUp, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (!inspector.querySelector('blockquote')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.click.shown = performance.now();
    });
  });
  observer.observe(inspector, { childList: true, subtree: true });
}

export function clickResult(): { ms: number | null; selection: string | null } {
  const { click } = window.__bench!;
  const sel = window.threadline!.getState().selection;
  return {
    ms: click.start !== null && click.shown !== null ? click.shown - click.start : null,
    selection: sel?.kind === 'relation' ? sel.id : null,
  };
}

/**
 * Pans back and forth every frame for `ms`; returns the frame timestamps (rAF) and what Cytoscape's renderer
 * counted meanwhile (its internal redraw counters: frames are capped at the display rate, draw time is not).
 */
export async function panFrames(args: {
  floor: boolean;
  ms: number;
}): Promise<{ stamps: number[]; draws: number; drawMs: number }> {
  const cy = args.floor ? window.benchCy! : window.threadline!.cy!;
  const renderer = () =>
    (cy as unknown as { renderer(): { redrawCount?: number; redrawTotalTime?: number } }).renderer();
  const before = { count: renderer().redrawCount ?? 0, total: renderer().redrawTotalTime ?? 0 };
  const stamps: number[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const frame = (ts: number) => {
      stamps.push(ts);
      const elapsed = ts - start;
      if (elapsed >= args.ms) return resolve();
      // Direction flips every half second (or half the run), so the drawing stays on screen however slow
      // the frames are, and a short pan ends about where it started.
      const dir = Math.floor(elapsed / Math.min(500, args.ms / 2)) % 2 === 0 ? 1 : -1;
      cy.panBy({ x: 6 * dir, y: 3 * dir });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return {
    stamps,
    draws: (renderer().redrawCount ?? 0) - before.count,
    drawMs: (renderer().redrawTotalTime ?? 0) - before.total,
  };
}

/** The drawn elements (ids, ends, positions) and camera, for the bare Cytoscape floor page. */
export function drawnScene() {
  const cy = window.threadline!.cy!;
  return {
    width: cy.width(),
    height: cy.height(),
    zoom: cy.zoom(),
    pan: cy.pan(),
    elements: cy.elements().map((e) =>
      e.isNode()
        ? { group: 'nodes' as const, data: { id: e.id() }, position: { ...e.position() } }
        : {
            group: 'edges' as const,
            data: { id: e.id(), source: e.data('source'), target: e.data('target') },
          },
    ),
  };
}

export type DrawnScene = ReturnType<typeof drawnScene>;

/** In the floor page (cytoscape.min.js loaded as a script): the same scene with Cytoscape's default style. */
export async function showFloor(scene: DrawnScene): Promise<number> {
  const factory = (window as unknown as { cytoscape: (o: object) => Core }).cytoscape;
  const container = document.getElementById('cy')!;
  container.style.width = `${scene.width}px`;
  container.style.height = `${scene.height}px`;
  const cy = factory({ container, elements: scene.elements, zoom: scene.zoom, pan: scene.pan });
  window.benchCy = cy;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return cy.elements().length;
}

export async function timeExport(): Promise<{
  ms: number;
  bytes: number;
  width: number;
  height: number;
  scale: number;
}> {
  const t0 = performance.now();
  const image = await window.threadline!.exportImage({ scale: 1 });
  return {
    ms: performance.now() - t0,
    bytes: Math.floor((image.base64.length * 3) / 4),
    width: image.width,
    height: image.height,
    scale: image.scale,
  };
}
