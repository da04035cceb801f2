/** Builds the columnar model from bundle records, a slice at a time, so a large bundle can load between other work. */
import type { Bundle, BundleQuoteRecord } from '../format/bundle';
import { DateTally } from './date-overview';
import { IdIndex } from './id-index';
import { modelFrom, type IdLookup, type Model } from './model';
import { SAME_STATUS, type EvidenceData, type ModelData } from './model-data';
import type { DateWritten, EntityRecord, RelationRecord } from '../format/schema';
import { STATUSES } from './vocabulary';
import {
  heldSlice,
  isInPart,
  mergeStretches,
  wholeDisagrees,
  type ArrivingSource,
  type HeldText,
} from './held-text';

/** Everything in a bundle but its four record lists, which arrive in slices. */
export type BundleHead = Omit<Bundle, 'sources' | 'entities' | 'relations' | 'quotes'>;

/** Part of a bundle's records; sources, entities and quotes must be added before the relations that name them. */
export type BundleSlice =
  /** A server dataset's sources may come in part, or again with more of their text (extend-model.ts). */
  | { kind: 'sources'; records: ArrivingSource[] }
  | { kind: 'entities'; records: EntityRecord[] }
  | { kind: 'quotes'; records: BundleQuoteRecord[] }
  | { kind: 'relations'; records: RelationRecord[] };

export interface ModelBuilder {
  add(slice: BundleSlice): void;
  /** The model of everything added; the builder is not to be used afterwards. */
  finish(): Model;
}

/** Spread into push, a column of a hub's relations would overflow the call stack. */
const append = (to: number[], from: ArrayLike<number>): void => {
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
};

const lookup = (map: IdLookup, id: string, what: string): number => {
  const i = map.get(id);
  if (i === undefined) throw new Error(`${what} "${id}" is not in the bundle`);
  return i;
};

/**
 * Expects validated records; the validator has already rejected dangling ids and misplaced quotes. Given
 * `base` (a model's data, with its evidence), starts from its records, so what is added is appended to them:
 * the head's relation types must then begin with the base's, in its order.
 */
export function createModelBuilder(
  head: Pick<BundleHead, 'dataset' | 'relationTypes' | 'entityTypes'>,
  base?: ModelData,
): ModelBuilder {
  const { dataset, relationTypes, entityTypes = [] } = head;
  const sources: ModelData['sources'] = [];
  const texts: string[] = [];
  const partial = new Map<number, HeldText>();
  const entities: EntityRecord[] = [];
  const entityIndex = new IdIndex();
  const sourceIndex = new IdIndex();
  const quoteIndex = new IdIndex();
  const typeIndex = new Map(relationTypes.map((t, i) => [t.id, i]));
  const statusIndex = new Map(STATUSES.map((s, i) => [s, i]));
  const quoteIds: string[] = [];
  const q = {
    source: [] as number[],
    start: [] as number[],
    end: [] as number[],
    speaker: [] as number[],
    occasion: [] as number[],
  };
  const speakers = new Map<number, Int32Array>();
  const prefix = new Map<number, string>();
  const suffix = new Map<number, string>();
  const relationIndex = new IdIndex();
  const r = {
    id: [] as string[],
    source: [] as number[],
    target: [] as number[],
    type: [] as number[],
    status: [] as number[],
    evidenceStart: [0],
    evidence: [] as number[],
    claimStatus: [] as number[],
    claimAssertedBy: new Map<number, Int32Array>(),
    claimAnswers: new Map<number, string>(),
    answers: new Map<number, string>(),
    date: new Map<number, RelationRecord['date'] & {}>(),
    dateWritten: new Map<number, DateWritten>(),
    note: new Map<number, string>(),
  };
  // Tallied as records arrive, slice by slice, rather than in one pass when the last one has come.
  const dates = new DateTally();
  const entityOrNone = (id: string | undefined) =>
    id === undefined ? -1 : lookup(entityIndex, id, 'entity');
  if (base) seed(base);

  /** Takes a model's columns as the records added so far (copied: that model is left as it was). */
  function seed(data: ModelData): void {
    const ev = data.evidence;
    if (!ev) throw new Error('A model is extended only once its evidence is loaded');
    data.relationTypes.forEach((t, i) => {
      if (relationTypes[i]?.id !== t.id) throw new Error(`relation type "${t.id}" moved when extending`);
    });
    data.sources.forEach((source, i) => {
      sourceIndex.set(source.id, i);
      sources.push(source);
      texts.push(ev.texts[i]!);
    });
    // Stretches are never changed in place, so sharing them leaves the base model as it was.
    for (const [i, held] of ev.partial ?? []) partial.set(i, held);
    data.entities.forEach((entity, i) => {
      entityIndex.set(entity.id, i);
      entities.push(entity);
      if (entity.date !== undefined) dates.add(entity.date);
    });
    data.quoteIds.forEach((id, i) => {
      quoteIndex.set(id, i);
      quoteIds.push(id);
    });
    append(q.source, ev.quotes.source);
    append(q.start, ev.quotes.start);
    append(q.end, ev.quotes.end);
    append(q.speaker, ev.quotes.speaker);
    append(q.occasion, ev.quotes.occasion);
    for (const [k, v] of ev.quotes.speakers) speakers.set(k, v);
    for (const [k, v] of ev.quotes.prefix) prefix.set(k, v);
    for (const [k, v] of ev.quotes.suffix) suffix.set(k, v);
    const c = data.relations;
    c.id.forEach((id, k) => {
      relationIndex.set(id, k);
      r.id.push(id);
    });
    append(r.source, c.source);
    append(r.target, c.target);
    append(r.type, c.type);
    append(r.status, c.status);
    r.evidenceStart.length = 0;
    append(r.evidenceStart, c.evidenceStart);
    append(r.evidence, c.evidence);
    append(r.claimStatus, c.claimStatus);
    for (const [k, v] of c.claimAssertedBy) r.claimAssertedBy.set(k, v);
    for (const [k, v] of c.claimAnswers) r.claimAnswers.set(k, v);
    for (const [k, v] of c.answers) r.answers.set(k, v);
    for (const [k, v] of c.dateWritten) r.dateWritten.set(k, v);
    for (const [k, v] of c.note) r.note.set(k, v);
    for (const [k, v] of c.date) {
      r.date.set(k, v);
      dates.add(v);
    }
  }

  /**
   * A source new to the model, or more of one held in part: windows join those held, a whole text takes
   * their place once it agrees with them. A source held whole takes nothing more.
   */
  function addSource(record: ArrivingSource): void {
    const at = sourceIndex.get(record.id);
    if (at === undefined) {
      const i = sources.length;
      sourceIndex.set(record.id, i);
      if (isInPart(record)) {
        const { windows, length, ...source } = record;
        sources.push(source);
        texts.push('');
        partial.set(i, { length, stretches: mergeStretches(record.id, length, [], windows) });
      } else {
        const { text, ...source } = record;
        sources.push(source);
        texts.push(text);
      }
      return;
    }
    const held = partial.get(at);
    if (!held) return;
    if (isInPart(record)) {
      partial.set(at, {
        length: held.length,
        stretches: mergeStretches(record.id, held.length, held.stretches, record.windows),
      });
      return;
    }
    const problem = wholeDisagrees(record.id, held, record.text);
    if (problem) throw new Error(problem);
    texts[at] = record.text;
    partial.delete(at);
  }

  const add: ModelBuilder['add'] = (slice) => {
    switch (slice.kind) {
      case 'sources':
        for (const record of slice.records) addSource(record);
        return;
      case 'entities':
        for (const entity of slice.records) {
          entityIndex.set(entity.id, entities.length);
          entities.push(entity);
          if (entity.date !== undefined) dates.add(entity.date);
        }
        return;
      case 'quotes':
        for (const quote of slice.records) {
          const i = quoteIds.length;
          quoteIndex.set(quote.id, i);
          quoteIds.push(quote.id);
          // `exact` is not kept: the validator has checked it is the source's text from start to end. A source
          // held in part was not validated whole: each quote is checked against what is held of it.
          const s = lookup(sourceIndex, quote.sourceId, 'source');
          const held = partial.get(s);
          if (held && heldSlice(held, quote.start, quote.end) !== quote.exact)
            throw new Error(
              `Quote "${quote.id}" is not verbatim in what is held of source "${quote.sourceId}" at ${quote.start}–${quote.end}.`,
            );
          q.source.push(s);
          q.start.push(quote.start);
          q.end.push(quote.end);
          q.speaker.push(entityOrNone(quote.speaker ?? quote.speakers?.[0]));
          if (quote.speakers !== undefined && quote.speakers.length > 1)
            speakers.set(
              i,
              Int32Array.from(quote.speakers, (id) => lookup(entityIndex, id, 'entity')),
            );
          q.occasion.push(entityOrNone(quote.occasion));
          if (quote.prefix !== undefined) prefix.set(i, quote.prefix);
          if (quote.suffix !== undefined) suffix.set(i, quote.suffix);
        }
        return;
      case 'relations':
        for (const relation of slice.records) {
          const k = r.id.length;
          relationIndex.set(relation.id, k);
          r.id.push(relation.id);
          r.source.push(lookup(entityIndex, relation.source, 'entity'));
          r.target.push(lookup(entityIndex, relation.target, 'entity'));
          r.type.push(lookup(typeIndex, relation.type, 'relation type'));
          r.status.push(statusIndex.get(relation.status)!);
          if (relation.date !== undefined) {
            r.date.set(k, relation.date);
            dates.add(relation.date);
          }
          if (relation.dateWritten !== undefined) r.dateWritten.set(k, relation.dateWritten);
          if (relation.note !== undefined) r.note.set(k, relation.note);
          if (relation.answers !== undefined) r.answers.set(k, relation.answers);
          const status = r.status[k]!;
          relation.evidence.forEach((quoteId, i) => {
            const slot = r.evidence.length;
            r.evidence.push(lookup(quoteIndex, quoteId, 'quote'));
            const claim = relation.claims?.[i];
            const own = claim === undefined ? status : statusIndex.get(claim.status)!;
            r.claimStatus.push(own === status ? SAME_STATUS : own);
            if (claim?.assertedBy !== undefined)
              r.claimAssertedBy.set(
                slot,
                Int32Array.from(claim.assertedBy, (id) => lookup(entityIndex, id, 'entity')),
              );
            if (claim?.answers !== undefined) r.claimAnswers.set(slot, claim.answers);
          });
          r.evidenceStart.push(r.evidence.length);
        }
        return;
    }
  };

  return {
    add,
    finish() {
      const evidence: EvidenceData = {
        texts,
        ...(partial.size > 0 ? { partial } : {}),
        quotes: {
          source: Int32Array.from(q.source),
          start: Int32Array.from(q.start),
          end: Int32Array.from(q.end),
          speaker: Int32Array.from(q.speaker),
          speakers,
          occasion: Int32Array.from(q.occasion),
          prefix,
          suffix,
        },
      };
      const data: ModelData = {
        dataset,
        relationTypes,
        entityTypes,
        sources,
        entities,
        relations: {
          id: r.id,
          source: Int32Array.from(r.source),
          target: Int32Array.from(r.target),
          type: Int32Array.from(r.type),
          status: Uint8Array.from(r.status),
          date: r.date,
          note: r.note,
          evidenceStart: Int32Array.from(r.evidenceStart),
          evidence: Int32Array.from(r.evidence),
          claimStatus: Uint8Array.from(r.claimStatus),
          claimAssertedBy: r.claimAssertedBy,
          claimAnswers: r.claimAnswers,
          answers: r.answers,
          dateWritten: r.dateWritten,
        },
        quoteIds,
        evidence,
      };
      return modelFrom(data, { entityIndex, relationIndex, quoteIndex, dates: dates.overview });
    },
  };
}

/**
 * Expects a validated bundle; the validator has already rejected dangling ids. A server dataset's opening
 * may send long sources as their windows (held-text.ts).
 */
export function buildModel(bundle: Omit<Bundle, 'sources'> & { sources: ArrivingSource[] }): Model {
  const { sources, entities, quotes, relations, ...head } = bundle;
  const builder = createModelBuilder(head);
  builder.add({ kind: 'sources', records: sources });
  builder.add({ kind: 'entities', records: entities });
  builder.add({ kind: 'quotes', records: quotes });
  builder.add({ kind: 'relations', records: relations });
  return builder.finish();
}
