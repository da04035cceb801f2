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

/** The analysis data an entity node carries for the stylesheet: its size score and community colour, if any. */
export function analysisData(
  { importance, communities }: AnalysisResults,
  id: string,
): { importance?: number; communityColor?: string } {
  const size = importance?.scores.get(id);
  const group = communities?.of.get(id);
  return {
    ...(size === undefined ? {} : { importance: size }),
    ...(group === undefined ? {} : { communityColor: communityColour(group) }),
  };
}

function paint(cy: Core, analysis: AnalysisResults) {
  cy.batch(() => {
    cy.nodes('[kind = "entity"]').forEach((n) => {
      const want = analysisData(analysis, n.id());
      for (const key of ['importance', 'communityColor'] as const) {
        const value = want[key];
        if (value === undefined) {
          if (n.data(key) !== undefined) n.removeData(key);
        } else if (n.data(key) !== value) n.data(key, value);
      }
    });
  });
}
