/**
 * A dataset being authored in the Build workspace: the records of a dataset folder plus its source texts,
 * as one plain value. The store holds it; every edit replaces it (never mutates), so undo keeps the old
 * one and IndexedDB stores it as it is.
 */
import type {
  DatasetFile,
  EntityRecord,
  EntityTypeDeclaration,
  QuoteRecord,
  RelationFileRecord,
  RelationType,
  SourceRecord,
} from '../format/schema';

export interface Draft {
  /** The key it is saved under; not the dataset's id, which the author may change. */
  key: string;
  dataset: Omit<DatasetFile, '$schema' | 'sources'>;
  sources: SourceRecord[];
  /** Source id → its verbatim text. */
  texts: Readonly<Record<string, string>>;
  relationTypes: RelationType[];
  /** The dataset's own entity types (entity-types.json); absent in drafts saved before there were any. */
  entityTypes?: EntityTypeDeclaration[];
  entities: EntityRecord[];
  quotes: QuoteRecord[];
  /** As relations.json holds them: evidence items are quote ids or claims with their own status. */
  relations: RelationFileRecord[];
  /** Normalised mention keys the author chose to ignore. */
  ignoredMentions: string[];
  /** ISO timestamp of the last edit. */
  updatedAt: string;
}

export function emptyDraft(key: string, now: Date = new Date()): Draft {
  return {
    key,
    dataset: { id: 'untitled', title: 'Untitled dataset' },
    sources: [],
    texts: {},
    relationTypes: [],
    entities: [],
    quotes: [],
    relations: [],
    ignoredMentions: [],
    updatedAt: now.toISOString(),
  };
}

/** A draft relation's quotes, by id, whether its evidence items are plain ids or claims. */
export const evidenceIds = (r: Pick<RelationFileRecord, 'evidence'>): string[] =>
  r.evidence.map((e) => (typeof e === 'string' ? e : e.quote));
