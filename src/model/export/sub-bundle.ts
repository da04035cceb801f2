/** A Threadline bundle of the visible subgraph: its entities and relations, the quotes they cite, those quotes' sources and the relation types used. */
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../format/bundle';
import type { Model } from '../core/model';
import type { Subgraph } from '../core/subgraph';

export type SubBundleResult = { ok: true; bundle: Bundle } | { ok: false; reason: string };

/**
 * Entities a cited quote names as speaker or occasion come along even when they are not drawn,
 * so every quote keeps its attribution and the bundle passes the validator's reference checks.
 */
export function subBundle(model: Model, subgraph: Subgraph): SubBundleResult {
  if (subgraph.relations.length === 0)
    return { ok: false, reason: 'The view shows no relations, so there is no evidence to export.' };
  const quoteIds = new Set(subgraph.relations.flatMap((r) => r.evidence));
  // In the dataset's own order, so exports of the same view are identical.
  const inOrder = <T>(
    ids: readonly string[],
    keep: ReadonlySet<string>,
    get: (id: string) => T | undefined,
  ) => ids.filter((id) => keep.has(id)).flatMap((id) => get(id) ?? []);
  const quotes = inOrder(model.data.quoteIds, quoteIds, (id) => model.quotes.get(id));
  if (quotes.length < quoteIds.size)
    return { ok: false, reason: 'The evidence is still loading; export again in a moment.' };
  const sourceIds = new Set(quotes.map((q) => q.sourceId));
  const typeIds = new Set(subgraph.relations.map((r) => r.type));
  const entityIds = new Set(subgraph.entityIds);
  for (const q of quotes) {
    if (q.speaker) entityIds.add(q.speaker);
    if (q.occasion) entityIds.add(q.occasion);
  }
  const relationIds = new Set(subgraph.relations.map((r) => r.id));
  const { dataset } = model;
  return {
    ok: true,
    bundle: {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      dataset: {
        id: dataset.id,
        title: dataset.title,
        ...(dataset.description ? { description: dataset.description } : {}),
      },
      relationTypes: model.data.relationTypes.filter((t) => typeIds.has(t.id)),
      sources: inOrder(
        model.data.sources.map((s) => s.id),
        sourceIds,
        (id) => model.sources.get(id),
      ),
      entities: model.data.entities.filter((e) => entityIds.has(e.id)),
      relations: inOrder(model.data.relations.id, relationIds, (id) => model.relations.get(id)),
      quotes,
    },
  };
}
