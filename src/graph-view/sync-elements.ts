/**
 * Keeps Cytoscape's elements equal to the store's visible subgraph, applying only the difference in one
 * batch, and its entities where the store's positions have them. The two follow different parts of the
 * store: a drag records positions and moves nothing else.
 */
import type { Core } from 'cytoscape';
import type { ThreadlineState, ThreadlineStore } from '../store/store';
import { expansionCount } from '../store/explore-ops';
import { drawnFrom, selectDrawing, selectSubgraph } from '../store/selectors';
import { watch } from '../store/watch';
import { diffElements } from './element-diff';
import { toElements } from './elements';
import { keepApart } from './keep-apart';
import { runLayout } from './layout';
import { placeQuotes } from './place-quotes';
import { setPlaced } from './placed';

/** How long a node takes to reach its place in the next step of a story. */
const GLIDE_MS = 450;

export function bindElements(cy: Core, store: ThreadlineStore): () => void {
  // A layout asked for before the canvas existed is answered by laying out what has no position yet;
  // a view that came with its positions (a link, a saved view) is drawn as it is.
  let lastLayoutVersion = store.getState().layoutVersion;
  let drawn = false;
  let lastGuessed: ReadonlySet<string> | null = null;
  /** The positions last applied, so a step that changed both what is drawn and where is placed once. */
  let placedFor: ThreadlineState['positions'] | null = null;
  let lastTransition = store.getState().transitionVersion;

  const draw = () => {
    const s = store.getState();
    if (!s.model) return;
    const wanted = toElements(
      s.model,
      selectSubgraph(s),
      selectDrawing(s),
      s.showEvidence,
      partlyExpanded(s),
    );
    const diff = diffElements(
      cy.elements().map((el) => {
        const d = el.data() as Record<string, unknown>;
        return { id: el.id(), label: d.label, status: d.status, sources: d.sources, contested: d.contested };
      }),
      wanted,
    );
    if (diff.remove.length + diff.add.length + diff.update.length > 0)
      cy.batch(() => {
        for (const id of diff.remove) cy.getElementById(id).remove();
        for (const e of diff.update) {
          const el = cy.getElementById(e.data.id!);
          el.data('label', e.data.label);
          // Under a source filter a relation takes the shown sources' status; its width and double line
          // follow the quotes, which a compact dataset loads after drawing.
          if (e.data.kind === 'relation')
            el.data({ status: e.data.status, sources: e.data.sources, contested: e.data.contested });
          // A bundle's label carries its count, so a changed label means its members changed too.
          if (e.data.kind === 'bundle') el.data({ count: e.data.count, relationIds: e.data.relationIds });
        }
        cy.add(diff.add);
      });
    const layoutAsked = s.layoutVersion !== lastLayoutVersion;
    const unplaced = place(s);
    // Each step's own placements are checked once, against what is drawn now.
    const moved = s.guessedPositions === lastGuessed ? null : keepApart(cy, s.guessedPositions);
    lastGuessed = s.guessedPositions;
    // The first drawing is framed whether or not it needed a layout.
    const first = !drawn && cy.nodes().nonempty();
    if (first) drawn = true;
    if (layoutAsked || unplaced.length > 0) {
      lastLayoutVersion = s.layoutVersion;
      const count = cy.nodes('[kind = "entity"]').length;
      // "Re-layout" with pins: everything but the pinned is placed afresh around them.
      const pinnedPlaced = unplaced.length < count ? [...s.pinned].filter((id) => s.positions.has(id)) : [];
      const pinnedDrawn = pinnedPlaced.filter((id) => cy.getElementById(id).nonempty()).length;
      const full = unplaced.length === count || (layoutAsked && unplaced.length + pinnedDrawn === count);
      runLayout(cy, {
        full,
        pinned: s.pinned,
        fit: full || layoutAsked || first,
        onDone: (positions) => {
          placeQuotes(cy);
          store.getState().recordPositions(positions);
        },
      });
    } else {
      placeQuotes(cy);
      if (first) cy.fit(undefined, 40);
    }
    if (moved && moved.size > 0) store.getState().recordPositions(moved);
  };

  /** Moves entities where the store has them (e.g. after undo); returns those it has no position for. */
  const place = (s: ThreadlineState): string[] => {
    placedFor = s.positions;
    const unplaced: string[] = [];
    // A story's step glides from the last one: nodes still drawn move to their new places over a moment.
    const glide = s.transitionVersion !== lastTransition;
    lastTransition = s.transitionVersion;
    cy.batch(() => {
      cy.nodes('[kind = "entity"]').forEach((n) => {
        const p = s.positions.get(n.id());
        if (!p) {
          setPlaced(n, false);
          unplaced.push(n.id());
        } else if (!n.grabbed()) {
          setPlaced(n, true);
          const cur = n.position();
          if (Math.abs(cur.x - p.x) > 0.5 || Math.abs(cur.y - p.y) > 0.5) {
            n.stop(true, false);
            if (glide)
              n.animate({ position: { x: p.x, y: p.y } }, { duration: GLIDE_MS, easing: 'ease-in-out' });
            else n.position({ x: p.x, y: p.y });
          }
        }
      });
    });
    return unplaced;
  };

  draw();
  const unwatchDrawn = watch(store, drawnFrom, draw);
  // Recorded positions (a drag, a finished layout) only move nodes; what is drawn stays as it is. An entity
  // still without one is waiting for a layout already asked for.
  const unwatchPositions = watch(
    store,
    (s) => s.positions,
    (positions) => {
      if (positions === placedFor) return;
      place(store.getState());
      placeQuotes(cy);
    },
  );
  return () => {
    unwatchDrawn();
    unwatchPositions();
  };
}

/** Expanded nodes that still have hidden neighbours, with how many. */
export function partlyExpanded(s: ThreadlineState): Map<string, number> {
  const out = new Map<string, number>();
  if (!s.model) return out;
  for (const id of new Set(s.view.addedBy.values())) {
    if (!s.view.visible.has(id)) continue;
    const n = expansionCount(s.view, s.model, s.filters, id);
    if (n > 0) out.set(id, n);
  }
  return out;
}
