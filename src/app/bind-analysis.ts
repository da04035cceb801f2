/**
 * Runs the analysis the display options ask for (PageRank or degree for node sizes, Louvain for colours) and
 * puts the results in the store, where the canvas, the legend and the exports read them.
 */
import { analyse } from '../data/analysis-runner';
import type { ImportanceMeasure } from '../model/analysis/importance';
import type { Model } from '../model/core/model';
import { communityColouring, type CommunityColouring } from '../model/style/community-palette';
import type { ThreadlineStore } from '../store/store';
import { watch } from '../store/watch';

export function bindAnalysis(store: ThreadlineStore): () => void {
  // The metrics are over the whole dataset, not the view or the filters: computed once per model and measure.
  let cachedFor: Model | null = null;
  const importance = new Map<ImportanceMeasure, Promise<Map<string, number>>>();
  let communities: Promise<CommunityColouring> | null = null;
  const forModel = (model: Model) => {
    if (cachedFor === model) return;
    cachedFor = model;
    importance.clear();
    communities = null;
  };
  let generation = 0;

  const apply = () => {
    const { model, display, analysis, setAnalysis } = store.getState();
    const mine = ++generation;
    if (!model) return;
    forModel(model);
    const measure = display.nodeSize === 'uniform' ? null : display.nodeSize;
    const byCommunity = display.colour === 'community';
    // What is no longer asked for goes at once; what is asked for follows when it is computed.
    const keep = {
      importance: measure && analysis.importance?.measure === measure ? analysis.importance : null,
      communities: byCommunity ? analysis.communities : null,
    };
    if (keep.importance !== analysis.importance || keep.communities !== analysis.communities)
      setAnalysis(keep);
    if (measure && !importance.has(measure))
      importance.set(measure, analyse(model, { kind: 'importance', measure }));
    if (byCommunity && !communities)
      communities = analyse(model, { kind: 'communities' }).then((of) => communityColouring(model, of));
    Promise.all([measure ? importance.get(measure)! : null, byCommunity ? communities : null])
      .then(([scores, colouring]) => {
        // A later change has already taken over.
        if (mine !== generation) return;
        const now = store.getState().analysis;
        const next = {
          importance: measure && scores ? (now.importance ?? { measure, scores }) : null,
          communities: colouring ?? null,
        };
        if (next.importance !== now.importance || next.communities !== now.communities) setAnalysis(next);
      })
      .catch((err: unknown) =>
        store.getState().notify('error', `Could not analyse the graph: ${String(err)}`),
      );
  };
  apply();
  return watch(store, (s) => [s.model, s.display.nodeSize, s.display.colour], apply);
}
