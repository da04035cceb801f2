/**
 * A compact, columnar bundle: what the explorer needs to search and expand, split from the evidence text.
 * Entity references are integers into the entity columns, repeated strings (types, statuses) are small
 * integers into vocabularies, and quote text is not stored twice: it is a slice of its source text, which
 * lives in a separate evidence document loaded on first use.
 */
import type { DateSpec, DateWritten, EntityTypeDeclaration, RelationType, SourceRecord } from '../schema';

export const COMPACT_FORMAT = 'threadline-compact';
/** Version 2 added claims, answers, written dates, joint speakers and declared entity types; version 1 still loads. */
export const COMPACT_VERSION = 2;
export type CompactVersion = 1 | typeof COMPACT_VERSION;

export interface CompactIndex {
  format: typeof COMPACT_FORMAT;
  version: CompactVersion;
  dataset: { id: string; title: string; description?: string };
  relationTypes: RelationType[];
  /** The dataset's own entity types; absent when it declares none. */
  entityTypes?: EntityTypeDeclaration[];
  sources: SourceRecord[];
  entities: {
    id: string[];
    /** Index into ENTITY_TYPES followed by the ids of entityTypes. */
    type: number[];
    name: string[];
    description: string[];
    /** Sparse: only the entities that have them, by entity index. */
    aliases: Record<number, string[]>;
    role: Record<number, string>;
    date: Record<number, DateSpec>;
  };
  relations: {
    id: string[];
    source: number[];
    target: number[];
    /** Index into relationTypes. */
    type: number[];
    /** Index into STATUSES. */
    status: number[];
    date: Record<number, DateSpec>;
    note: Record<number, string>;
    /** Quotes of relation r are evidence[evidenceStart[r] .. evidenceStart[r + 1]), as quote indices. */
    evidenceStart: number[];
    evidence: number[];
    /** By evidence slot: how that quote presents the relation, an index into STATUSES or 255 for the relation's status. Absent: all 255. */
    claimStatus?: number[];
    /** Sparse, by evidence slot: entity rows of the claim's asserters. */
    claimAssertedBy?: Record<number, number[]>;
    /** Sparse, by evidence slot: the quote or relation id a denial or refutation answers. */
    claimAnswers?: Record<number, string>;
    /** Sparse, by relation row: the relation it answers. */
    answers?: Record<number, string>;
    /** Sparse, by relation row: a relative date as written. */
    dateWritten?: Record<number, DateWritten>;
  };
  /** Quote ids stay here so evidence can be named before its text is loaded. */
  quoteIds: string[];
  /** The typeahead index over names and aliases (EntitySearchIndex with plain arrays): built once, at compile time. */
  search: {
    phrases: string[];
    phraseEntity: number[];
    terms: string[];
    termStart: number[];
    postings: number[];
    texts: string[];
    nameLengths: number[];
  };
}

export interface CompactEvidence {
  format: typeof COMPACT_FORMAT;
  version: CompactVersion;
  /** Source texts, in the order of CompactIndex.sources. */
  texts: string[];
  quotes: {
    /** Index into sources. */
    source: number[];
    start: number[];
    end: number[];
    /** Entity index, or -1. */
    speaker: number[];
    /** Sparse: entity rows of every speaker of a quote spoken jointly (speaker holds the first). */
    speakers?: Record<number, number[]>;
    occasion: number[];
    prefix: Record<number, string>;
    suffix: Record<number, string>;
  };
}
