/** Keeps Cytoscape's elements equal to the store's visible subgraph, applying only the difference in one batch. */
import type { Core, ElementDefinition } from 'cytoscape';
import type { ThreadlineStore } from '../store/store';
import { selectSubgraph } from '../store/selectors';
import { toElements } from './elements';
import { runLayout } from './layout';

export function bindElements(cy: Core, store: ThreadlineStore): () => void {
  let lastKey = '';
  let lastLayoutVersion = -1;
  const apply = () => {
    const s = store.getState();
    if (!s.model) return;
    const subgraph = selectSubgraph(s);
    const wanted = toElements(s.model, subgraph, s.showEvidence);
    const key = `${wanted.length}:${wanted.map((e) => e.data.id).join('|')}`;
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
        if (!p) unplaced.push(n.id());
        else if (!n.grabbed()) {
          const cur = n.position();
          if (Math.abs(cur.x - p.x) > 0.5 || Math.abs(cur.y - p.y) > 0.5) n.position({ x: p.x, y: p.y });
        }
      });
    });
    const quotesUnplaced = cy.nodes('[kind = "quote"]').filter((n) => n.scratch('_placed') !== true);
    if (layoutAsked || unplaced.length > 0 || quotesUnplaced.length > 0) {
      lastLayoutVersion = s.layoutVersion;
      const full = unplaced.length === cy.nodes('[kind = "entity"]').length;
      runLayout(cy, {
        full,
        fit: full || layoutAsked,
        onDone: (positions) => store.getState().recordPositions(positions),
      });
      quotesUnplaced.forEach((n) => {
        n.scratch('_placed', true);
      });
    }
  };
  apply();
  return store.subscribe((s, prev) => {
    if (
      s.model !== prev.model ||
      s.view !== prev.view ||
      s.filters !== prev.filters ||
      s.showEvidence !== prev.showEvidence ||
      s.layoutVersion !== prev.layoutVersion
    )
      apply();
  });
}

function diffInto(cy: Core, wanted: ElementDefinition[]) {
  const ids = new Set(wanted.map((e) => e.data.id!));
  cy.batch(() => {
    cy.elements()
      .filter((el) => !ids.has(el.id()))
      .remove();
    const add = wanted.filter((e) => cy.getElementById(e.data.id!).empty());
    // Nodes first, so new edges find both ends.
    cy.add(add.filter((e) => e.group === 'nodes'));
    cy.add(add.filter((e) => e.group === 'edges'));
  });
}
