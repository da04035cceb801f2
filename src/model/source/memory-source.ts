/** The in-memory model as a graph source: it holds the whole dataset, so nothing is ever fetched. */
import type { GraphSource } from './graph-source';

export const MEMORY_SOURCE: GraphSource = {
  kind: 'memory',
  scopeNote: null,
  ensure: () => null,
  searchEntities: () => null,
  searchPassages: () => null,
  relationCounts: () => null,
  wholeTexts: () => null,
  quoteContexts: () => null,
  datasets: [],
};
