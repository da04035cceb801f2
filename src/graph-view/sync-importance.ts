/**
 * Sizes entity nodes by importance and colours them by community, from the analysis results in the store
 * (src/app/bind-analysis.ts puts them there), so the legend and the exports show the same.
 */
import type { Core } from 'cytoscape';
import { communityColour } from '../model/style/community-palette';
import type { AnalysisResults } from '../store/analysis-state';
import type { ThreadlineStore } from '../store/store';
import { drawnFrom } from '../store/selectors';
import { watch } from '../store/watch';

export function bindImportance(cy: Core, store: ThreadlineStore): () => void {
  const apply = () => paint(cy, store.getState().analysis);
  apply();
  // New nodes need painting too; bound after the elements' watcher, so they are drawn by then.
  return watch(store, (s) => [s.analysis, ...drawnFrom(s)], apply);
}

function paint(cy: Core, { importance, communities }: AnalysisResults) {
  cy.batch(() => {
    cy.nodes('[kind = "entity"]').forEach((n) => {
      const size = importance?.scores.get(n.id());
      if (size === undefined) {
        if (n.data('importance') !== undefined) n.removeData('importance');
      } else if (n.data('importance') !== size) n.data('importance', size);
      const group = communities?.of.get(n.id());
      if (group === undefined) {
        if (n.data('communityColor') !== undefined) n.removeData('communityColor');
      } else if (n.data('communityColor') !== communityColour(group))
        n.data('communityColor', communityColour(group));
    });
  });
}
