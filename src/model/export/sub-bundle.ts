/**
 * A Threadline bundle of the visible subgraph: its entities and relations with every claim (status, asserters,
 * what it answers), the quotes they cite with their speakers, those quotes' sources, and the relation and entity
 * types used.
 */
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleQuote,
  type BundleQuoteRecord,
} from '../format/bundle';
import type { Model } from '../core/model';
import type { RelationRecord } from '../format/schema';
import type { Subgraph } from '../core/subgraph';

export type SubBundleResult = { ok: true; bundle: Bundle } | { ok: false; reason: string };

/**
 * The relations shown, and those they deny or refute (as a whole or claim by claim), and so on: a denial keeps
 * what it answers, so the bundle reads "alleged by X — denied by Y" as the dataset does and passes the validator.
 */
function withAnswered(model: Model, shown: readonly RelationRecord[]): Set<string> {
  const ids = new Set(shown.map((r) => r.id));
  const queue = [...shown];
  for (let r = queue.pop(); r; r = queue.pop()) {
    const targets = [r.answers, ...(r.claims ?? []).map((c) => c.answers)];
    for (const target of targets) {
      if (target === undefined || ids.has(target)) continue;
      const answered = model.relations.get(target);
      // A claim may answer a quote of its own relation rather than a relation: that quote is already in.
      if (!answered) continue;
      ids.add(target);
      queue.push(answered);
    }
  }
  return ids;
}

/** As a bundle holds a quote: every speaker listed only when it has any, the first also as speaker. */
function bundleQuote(q: BundleQuote): BundleQuoteRecord {
  const { speakers, ...rest } = q;
  return speakers.length > 0 ? { ...rest, speaker: speakers[0]!, speakers } : rest;
}

/**
 * Entities a cited quote names as speaker or occasion, and a claim's asserters, come along even when they are not
 * drawn, so every quote and claim keeps its attribution and the bundle passes the validator's reference checks.
 */
/** The sources whose texts the bundle of `subgraph` carries: the quotes' and the written dates'. */
export function subBundleSourceIds(model: Model, subgraph: Subgraph): string[] {
  const ids = new Set<string>();
  for (const id of withAnswered(model, subgraph.relations)) {
    const r = model.relations.get(id);
    for (const q of r?.evidence ?? []) {
      const quote = model.quotes.get(q);
      if (quote) ids.add(quote.sourceId);
    }
    if (r?.dateWritten) ids.add(r.dateWritten.sourceId);
  }
  return [...ids];
}

export function subBundle(model: Model, subgraph: Subgraph): SubBundleResult {
  if (subgraph.relations.length === 0)
    return { ok: false, reason: 'The view shows no relations, so there is no evidence to export.' };
  // In the dataset's own order, so exports of the same view are identical.
  const inOrder = <T>(
    ids: readonly string[],
    keep: ReadonlySet<string>,
    get: (id: string) => T | undefined,
  ) => ids.filter((id) => keep.has(id)).flatMap((id) => get(id) ?? []);
  const relationIds = withAnswered(model, subgraph.relations);
  const relations = inOrder(model.data.relations.id, relationIds, (id) => model.relations.get(id));
  const quoteIds = new Set(relations.flatMap((r) => r.evidence));
  const quotes = inOrder(model.data.quoteIds, quoteIds, (id) => model.quotes.get(id));
  if (quotes.length < quoteIds.size)
    return { ok: false, reason: 'The evidence is still loading; export again in a moment.' };
  const sourceIds = new Set(quotes.map((q) => q.sourceId));
  for (const r of relations) if (r.dateWritten) sourceIds.add(r.dateWritten.sourceId);
  // A server's long source held as windows would be written as its windows alone: its text is fetched first.
  const inPart = [...sourceIds].filter((id) => model.sources.get(id)?.held);
  if (inPart.length > 0)
    return {
      ok: false,
      reason: `The texts of ${inPart.length} ${inPart.length === 1 ? 'source are' : 'sources are'} held only around their quotes; fetch them whole before exporting the bundle.`,
    };
  const relationTypeIds = new Set(relations.map((r) => r.type));
  const relationTypes = model.data.relationTypes.filter((t) => relationTypeIds.has(t.id));
  const entityIds = new Set(subgraph.entityIds);
  for (const r of relations) entityIds.add(r.source).add(r.target);
  for (const q of quotes) {
    for (const s of q.speakers) entityIds.add(s);
    if (q.speaker) entityIds.add(q.speaker);
    if (q.occasion) entityIds.add(q.occasion);
  }
  for (const r of relations)
    for (const c of r.claims ?? []) for (const a of c.assertedBy ?? []) entityIds.add(a);
  const entities = model.data.entities.filter((e) => entityIds.has(e.id));
  // Declared types the entities have or the relation types admit, so every type still resolves to its base.
  const typeIds = new Set([
    ...entities.map((e) => e.type),
    ...relationTypes.flatMap((t) => [...t.domain, ...t.range]),
  ]);
  const entityTypes = model.data.entityTypes.filter((t) => typeIds.has(t.id));
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
      relationTypes,
      ...(entityTypes.length > 0 ? { entityTypes } : {}),
      sources: inOrder(
        model.data.sources.map((s) => s.id),
        sourceIds,
        (id) => model.sources.get(id),
      ),
      entities,
      relations,
      quotes: quotes.map(bundleQuote),
    },
  };
}
