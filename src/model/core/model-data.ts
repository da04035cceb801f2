/**
 * The model's own data, columnar: one array per field, entities and quotes referred to by index. This is
 * what a large dataset costs in memory (no object, string key or graph edge per relation or quote), what
 * the compact files hold, and what passes to a worker. Records are rebuilt from it on demand.
 */
import type {
  DateSpec,
  DateWritten,
  EntityRecord,
  EntityTypeDeclaration,
  RelationType,
  SourceRecord,
} from '../format/schema';
import type { HeldText } from './held-text';

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
  /** How each evidence quote presents the relation, by evidence slot: an index into STATUSES, or SAME_STATUS. */
  claimStatus: Uint8Array;
  /** Sparse, by evidence slot: the entity indices a claim names as its asserters. */
  claimAssertedBy: Map<number, Int32Array>;
  /** Sparse, by evidence slot: the quote or relation id a denial or refutation answers. */
  claimAnswers: Map<number, string>;
  /** Sparse, by relation index: the relation this one (a denial or refutation) answers. */
  answers: Map<number, string>;
  /** Sparse, by relation index: a date the source gave relative to its own, as written. */
  dateWritten: Map<number, DateWritten>;
}

/** The claim status column's "as the relation's status". */
export const SAME_STATUS = 255;

/** The quotes' anchors and the source texts they slice: the part of a dataset that can arrive later. */
export interface EvidenceData {
  /** Source texts, in the order of ModelData.sources; empty for a source held in part. */
  texts: string[];
  /**
   * Sparse, by source index: the sources whose text is held only in stretches (a server dataset's long
   * sources, sent as the windows their quotes need). Absent when every text is whole.
   */
  partial?: Map<number, HeldText>;
  quotes: {
    /** Index into sources. */
    source: Int32Array;
    start: Int32Array;
    end: Int32Array;
    /** Entity index, or -1. */
    speaker: Int32Array;
    /** Sparse: all speakers of a quote spoken jointly (speaker holds the first). */
    speakers: Map<number, Int32Array>;
    occasion: Int32Array;
    prefix: Map<number, string>;
    suffix: Map<number, string>;
  };
}

export interface ModelData {
  dataset: DatasetInfo;
  relationTypes: RelationType[];
  /** The dataset's own entity types (entity-types.json); the base types are not listed. */
  entityTypes: EntityTypeDeclaration[];
  /** Source metadata; the texts are evidence. */
  sources: SourceRecord[];
  entities: EntityRecord[];
  relations: RelationColumns;
  /** Quote ids are known before their text, so evidence can be named before it is loaded. */
  quoteIds: string[];
  /** Null until the evidence is loaded. */
  evidence: EvidenceData | null;
}
