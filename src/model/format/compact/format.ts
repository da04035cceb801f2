/**
 * A compact, columnar bundle: what the explorer needs to search and expand, split from the evidence text.
 * Entity references are integers into the entity columns, repeated strings (types, statuses) are small
 * integers into vocabularies, and quote text is not stored twice: it is a slice of its source text, which
 * lives in a separate evidence document loaded on first use.
 */
import type { DateSpec, RelationType, SourceRecord } from '../schema';

export const COMPACT_FORMAT = 'threadline-compact';
export const COMPACT_VERSION = 1;

export interface CompactIndex {
  format: typeof COMPACT_FORMAT;
  version: typeof COMPACT_VERSION;
  dataset: { id: string; title: string; description?: string };
  relationTypes: RelationType[];
  sources: SourceRecord[];
  entities: {
    id: string[];
    /** Index into ENTITY_TYPES. */
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
  version: typeof COMPACT_VERSION;
  /** Source texts, in the order of CompactIndex.sources. */
  texts: string[];
  quotes: {
    /** Index into sources. */
    source: number[];
    start: number[];
    end: number[];
    /** Entity index, or -1. */
    speaker: number[];
    occasion: number[];
    prefix: Record<number, string>;
    suffix: Record<number, string>;
  };
}
