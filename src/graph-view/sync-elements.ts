/** Keeps Cytoscape's elements equal to the store's visible subgraph, applying only the difference in one batch. */
import type { Core, ElementDefinition } from 'cytoscape';
import type { ThreadlineState, ThreadlineStore } from '../store/store';
import { expansionCount } from '../store/explore-ops';
import { selectDrawing, selectSubgraph } from '../store/selectors';
import { toElements } from './elements';
import { keepApart } from './keep-apart';
import { runLayout } from './layout';
import { placeQuotes } from './place-quotes';

export function bindElements(cy: Core, store: ThreadlineStore): () => void {
  let lastKey = '';
  // A layout asked for before the canvas existed is answered by laying out what has no position yet;
  // a view that came with its positions (a link, a saved view) is drawn as it is.
  let lastLayoutVersion = store.getState().layoutVersion;
  let drawn = false;
  let lastGuessed: ReadonlySet<string> | null = null;
  const apply = () => {
    const s = store.getState();
    if (!s.model) return;
    const subgraph = selectSubgraph(s);
    const wanted = toElements(s.model, subgraph, selectDrawing(s), s.showEvidence, partlyExpanded(s));
    const key = wanted.map((e) => `${e.data.id}:${e.data.label ?? ''}`).join('|');
    const layoutAsked = s.layoutVersion !== lastLayoutVersion;
    if (key !== lastKey) {
      lastKey = key;
      diffInto(cy, wanted);
    }
    // Positions follow the store (e.g. after undo); nodes the store has not placed yet are laid out.
    const unplaced: string[] = [];
    cy.batch(() => {
      cy.nodes('[kind = "entity"]').forEach((n) => {
        const p = s.view.positions.get(n.id());
        if (!p) {
          n.scratch('_placed', false);
          unplaced.push(n.id());
        } else if (!n.grabbed()) {
          n.scratch('_placed', true);
          const cur = n.position();
          if (Math.abs(cur.x - p.x) > 0.5 || Math.abs(cur.y - p.y) > 0.5) n.position({ x: p.x, y: p.y });
        }
      });
    });
    // Each step's own placements are checked once, against what is drawn now.
    const moved = s.guessedPositions === lastGuessed ? null : keepApart(cy, s.guessedPositions);
    lastGuessed = s.guessedPositions;
    // The first drawing is framed whether or not it needed a layout.
    const first = !drawn && cy.nodes().nonempty();
    if (first) drawn = true;
    if (layoutAsked || unplaced.length > 0) {
      lastLayoutVersion = s.layoutVersion;
      const full = unplaced.length === cy.nodes('[kind = "entity"]').length;
      runLayout(cy, {
        full,
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
  apply();
  return store.subscribe((s, prev) => {
    if (
      s.model !== prev.model ||
      s.view !== prev.view ||
      s.filters !== prev.filters ||
      s.showEvidence !== prev.showEvidence ||
      (s.showEvidence && s.evidenceVersion !== prev.evidenceVersion) ||
      s.display.parallel !== prev.display.parallel ||
      s.layoutVersion !== prev.layoutVersion
    )
      apply();
  });
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

function diffInto(cy: Core, wanted: ElementDefinition[]) {
  const ids = new Set(wanted.map((e) => e.data.id!));
  cy.batch(() => {
    cy.elements()
      .filter((el) => !ids.has(el.id()))
      .remove();
    const add = wanted.filter((e) => cy.getElementById(e.data.id!).empty());
    for (const e of wanted) {
      const el = cy.getElementById(e.data.id!);
      if (el.empty() || el.data('label') === e.data.label) continue;
      el.data('label', e.data.label);
      // A bundle's label carries its count, so a changed label means its members changed too.
      if (e.data.kind === 'bundle') el.data({ count: e.data.count, relationIds: e.data.relationIds });
    }
    // Nodes first, so new edges find both ends.
    cy.add(add.filter((e) => e.group === 'nodes'));
    cy.add(add.filter((e) => e.group === 'edges'));
  });
}
