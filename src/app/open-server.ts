/**
 * Opening a dataset of the Threadline server that served the explorer (`npm run serve`): the one the
 * address names (`?server=`), else the default, else the first. A name the server does not have — a typo,
 * a tampered link — opens the default with a one-line warning saying so.
 */
import { DEFAULT_DATASET } from '../data/dataset-index';
import { createServerSource } from '../data/graph-source/server-source';
import { pendingView } from '../features/share/saved-view';
import { decodeView } from '../features/share/view-codec';
import type { Grown, SourceDataset } from '../model/source/graph-source';
import type { ServerSource } from '../data/graph-source/server-source';

export type ServerOpening =
  | { ok: true; grown: Grown; source: ServerSource; warning?: string }
  | { ok: false; title: string; message: string };

const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

export async function openServerDataset(
  api: string,
  datasets: readonly SourceDataset[],
  requested: string | null,
): Promise<ServerOpening> {
  const fallback = datasets.find((d) => d.id === DEFAULT_DATASET) ?? datasets[0];
  if (!fallback)
    return {
      ok: false,
      title: 'The server has no datasets',
      message: 'npm run db:import -- <dataset folder> loads one; then reload this page.',
    };
  const named = requested === null ? undefined : datasets.find((d) => d.id === requested);
  const chosen = named ?? fallback;
  const warning =
    requested !== null && !named
      ? `There is no dataset "${shown(requested)}" on this server; showing ${chosen.title}.`
      : undefined;
  const source = createServerSource({ api, dataset: chosen.id, datasets });
  // A linked or saved view's entities come with the opening, so it is restored as on a local dataset.
  const pending = pendingView(chosen.id);
  const linked = (pending && decodeView(pending.fragment)?.link.entities) ?? [];
  try {
    const grown = await source.open(linked);
    return { ok: true, grown, source, ...(warning ? { warning } : {}) };
  } catch (e) {
    return {
      ok: false,
      title: `Dataset ${chosen.id} could not be opened from the server`,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}
