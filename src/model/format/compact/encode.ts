/** Encodes a validated bundle as a compact index plus a separately loaded evidence document. */
import type { Bundle } from '../bundle';
import { indexEntities, type EntitySearchIndex } from '../../search/search-index';
import { ENTITY_TYPES, STATUSES } from '../../core/vocabulary';
import { SAME_STATUS } from '../../core/model-data';
import { COMPACT_FORMAT, COMPACT_VERSION, type CompactEvidence, type CompactIndex } from './format';

function indexer(list: readonly string[]): (key: string) => number {
  const map = new Map(list.map((k, i) => [k, i]));
  return (key) => {
    const i = map.get(key);
    if (i === undefined) throw new Error(`"${key}" is not defined in the bundle`);
    return i;
  };
}

const plainSearchIndex = (index: EntitySearchIndex): CompactIndex['search'] => ({
  phrases: index.phrases,
  phraseEntity: [...index.phraseEntity],
  terms: index.terms,
  termStart: [...index.termStart],
  postings: [...index.postings],
  texts: index.texts,
  nameLengths: [...index.nameLengths],
});

export function encodeCompact(bundle: Bundle): { index: CompactIndex; evidence: CompactEvidence } {
  const entityAt = indexer(bundle.entities.map((e) => e.id));
  const quoteAt = indexer(bundle.quotes.map((q) => q.id));
  const typeAt = indexer(bundle.relationTypes.map((t) => t.id));
  const sourceAt = indexer(bundle.sources.map((s) => s.id));
  const entityTypeAt = indexer([...ENTITY_TYPES, ...(bundle.entityTypes ?? []).map((t) => t.id)]);
  const statusAt = indexer(STATUSES);

  const sparse = <T, V>(list: readonly T[], pick: (item: T) => V | undefined): Record<number, V> => {
    const out: Record<number, V> = {};
    list.forEach((item, i) => {
      const v = pick(item);
      if (v !== undefined) out[i] = v;
    });
    return out;
  };

  const evidenceStart = [0];
  const evidence: number[] = [];
  const claimStatus: number[] = [];
  const claimAssertedBy: Record<number, number[]> = {};
  const claimAnswers: Record<number, string> = {};
  for (const r of bundle.relations) {
    r.evidence.forEach((q, i) => {
      const slot = evidence.length;
      evidence.push(quoteAt(q));
      const claim = r.claims?.[i];
      claimStatus.push(
        claim === undefined || claim.status === r.status ? SAME_STATUS : statusAt(claim.status),
      );
      if (claim?.assertedBy) claimAssertedBy[slot] = claim.assertedBy.map(entityAt);
      if (claim?.answers !== undefined) claimAnswers[slot] = claim.answers;
    });
    evidenceStart.push(evidence.length);
  }
  const anyClaims = bundle.relations.some((r) => r.claims !== undefined);

  const index: CompactIndex = {
    format: COMPACT_FORMAT,
    version: COMPACT_VERSION,
    dataset: bundle.dataset,
    relationTypes: bundle.relationTypes,
    ...(bundle.entityTypes?.length ? { entityTypes: bundle.entityTypes } : {}),
    sources: bundle.sources.map(({ text: _text, ...s }) => s),
    entities: {
      id: bundle.entities.map((e) => e.id),
      type: bundle.entities.map((e) => entityTypeAt(e.type)),
      name: bundle.entities.map((e) => e.name),
      description: bundle.entities.map((e) => e.description),
      aliases: sparse(bundle.entities, (e) => e.aliases),
      role: sparse(bundle.entities, (e) => e.role),
      date: sparse(bundle.entities, (e) => e.date),
    },
    relations: {
      id: bundle.relations.map((r) => r.id),
      source: bundle.relations.map((r) => entityAt(r.source)),
      target: bundle.relations.map((r) => entityAt(r.target)),
      type: bundle.relations.map((r) => typeAt(r.type)),
      status: bundle.relations.map((r) => statusAt(r.status)),
      date: sparse(bundle.relations, (r) => r.date),
      note: sparse(bundle.relations, (r) => r.note),
      evidenceStart,
      evidence,
      ...(anyClaims ? { claimStatus, claimAssertedBy, claimAnswers } : {}),
      answers: sparse(bundle.relations, (r) => r.answers),
      dateWritten: sparse(bundle.relations, (r) => r.dateWritten),
    },
    quoteIds: bundle.quotes.map((q) => q.id),
    search: plainSearchIndex(indexEntities(bundle.entities)),
  };
  const evidenceDoc: CompactEvidence = {
    format: COMPACT_FORMAT,
    version: COMPACT_VERSION,
    texts: bundle.sources.map((s) => s.text),
    quotes: {
      source: bundle.quotes.map((q) => sourceAt(q.sourceId)),
      start: bundle.quotes.map((q) => q.start),
      end: bundle.quotes.map((q) => q.end),
      speaker: bundle.quotes.map((q) => (q.speaker === undefined ? -1 : entityAt(q.speaker))),
      speakers: sparse(bundle.quotes, (q) =>
        q.speakers !== undefined && q.speakers.length > 1 ? q.speakers.map(entityAt) : undefined,
      ),
      occasion: bundle.quotes.map((q) => (q.occasion === undefined ? -1 : entityAt(q.occasion))),
      prefix: sparse(bundle.quotes, (q) => q.prefix),
      suffix: sparse(bundle.quotes, (q) => q.suffix),
    },
  };
  return { index, evidence: evidenceDoc };
}
