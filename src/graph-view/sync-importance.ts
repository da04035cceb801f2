/** Sizes entity nodes by importance and colours them by community when the display options ask for it. */
import type { Core } from 'cytoscape';
import { analyse } from '../data/analysis-runner';
import type { Model } from '../model/core/model';
import type { ThreadlineStore } from '../store/store';

/** Distinct, print-safe colours for the largest communities; the rest share a neutral grey. */
const COMMUNITY_COLOURS = [
  '#1971c2',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#862e9c',
  '#495057',
];
const OTHER_COMMUNITY = '#adb5bd';

const communityColour = (index: number): string => COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY;

export function bindImportance(cy: Core, store: ThreadlineStore): () => void {
  // Metrics are per dataset, so they are computed once per model and measure.
  const cache = new Map<string, Promise<Map<string, number>>>();
  let cachedFor: Model | null = null;
  const metric = (model: Model, key: 'degree' | 'pagerank' | 'communities') => {
    if (cachedFor !== model) {
      cache.clear();
      cachedFor = model;
    }
    let p = cache.get(key);
    if (!p) {
      p =
        key === 'communities'
          ? analyse(model, { kind: 'communities' })
          : analyse(model, { kind: 'importance', measure: key });
      cache.set(key, p);
    }
    return p;
  };
  let generation = 0;

  const apply = async () => {
    const { model, display } = store.getState();
    const mine = ++generation;
    if (!model) return;
    const [sizes, groups] = await Promise.all([
      display.nodeSize === 'uniform' ? null : metric(model, display.nodeSize),
      display.colour === 'community' ? metric(model, 'communities') : null,
    ]);
    // A later change has already taken over.
    if (mine !== generation || cy.destroyed()) return;
    paint(cy, sizes, groups);
  };
  const run = () => {
    apply().catch((err: unknown) =>
      store.getState().notify('error', `Could not size the nodes: ${String(err)}`),
    );
  };
  run();
  return store.subscribe((s, prev) => {
    if (
      s.model !== prev.model ||
      s.display !== prev.display ||
      s.view !== prev.view ||
      s.filters !== prev.filters
    )
      run();
  });
}

function paint(cy: Core, sizes: Map<string, number> | null, groups: Map<string, number> | null) {
  cy.batch(() => {
    cy.nodes('[kind = "entity"]').forEach((n) => {
      const size = sizes?.get(n.id());
      if (size === undefined) n.removeData('importance');
      else n.data('importance', size);
      const group = groups?.get(n.id());
      if (group === undefined) n.removeData('communityColor');
      else n.data('communityColor', communityColour(group));
    });
  });
}
