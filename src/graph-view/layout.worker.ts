/**
 * Runs fCoSE off the main thread on a headless Cytoscape: laying out a few hundred elements took hundreds of
 * milliseconds in one task, most of it Cytoscape measuring edges and labels the layout does not need.
 */
import { layoutPositions } from './headless-layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id } = e.data;
  const post = (message: LayoutResponse) => self.postMessage(message);
  try {
    post({ id, positions: layoutPositions(e.data) });
  } catch (err) {
    post({ id, error: String(err) });
  }
};
