/**
 * The model's own data, columnar: one array per field, entities and quotes referred to by index. This is
 * what a large dataset costs in memory (no object, string key or graph edge per relation or quote), what
 * the compact files hold, and what passes to a worker. Records are rebuilt from it on demand.
 */
import type { DateSpec, EntityRecord, RelationType, SourceRecord } from '../format/schema';

export interface DatasetInfo {
  id: string;
  title: string;
  description?: string;
}

export interface RelationColumns {
  id: string[];
  /** Entity indices. */
  source: Int32Array;
  target: Int32Array;
  /** Index into ModelData.relationTypes. */
  type: Int32Array;
  /** Index into STATUSES. */
  status: Uint8Array;
  /** Sparse, by relation index. */
  date: Map<number, DateSpec>;
  note: Map<number, string>;
  /** Quotes of relation r are evidence[evidenceStart[r] .. evidenceStart[r + 1]), as quote indices. */
  evidenceStart: Int32Array;
  evidence: Int32Array;
}

/** The quotes' anchors and the source texts they slice: the part of a dataset that can arrive later. */
export interface EvidenceData {
  /** Source texts, in the order of ModelData.sources. */
  texts: string[];
  quotes: {
    /** Index into sources. */
    source: Int32Array;
    start: Int32Array;
    end: Int32Array;
    /** Entity index, or -1. */
    speaker: Int32Array;
    occasion: Int32Array;
    prefix: Map<number, string>;
    suffix: Map<number, string>;
  };
}

export interface ModelData {
  dataset: DatasetInfo;
  relationTypes: RelationType[];
  /** Source metadata; the texts are evidence. */
  sources: SourceRecord[];
  entities: EntityRecord[];
  relations: RelationColumns;
  /** Quote ids are known before their text, so evidence can be named before it is loaded. */
  quoteIds: string[];
  /** Null until the evidence is loaded. */
  evidence: EvidenceData | null;
}
