/**
 * A decoded compact index cut into slices and put back together: the one assembler of the compact format.
 * The loading worker posts the slices (integer columns as transferred buffers, strings and records small
 * enough to deserialise and index without a long task); Node tooling assembles them in one go.
 */
import { buildAdjacency, type Adjacency } from '../../core/adjacency';
import type { DecodedIndex } from './decode';
import type { DateOverview } from '../../core/date-overview';
import { IdIndex } from '../../core/id-index';
import { modelFrom, type Model } from '../../core/model';
import type { DatasetInfo, RelationColumns } from '../../core/model-data';
import type { DateSpec, EntityRecord, EntityTypeDeclaration, RelationType, SourceRecord } from '../schema';
import { entitySearchFrom, type EntitySearch } from '../../search/search';
import type { EntitySearchIndex } from '../../search/search-index';

type StringField = 'relationIds' | 'quoteIds' | 'phrases' | 'terms' | 'texts';

export interface CompactHead {
  dataset: DatasetInfo;
  relationTypes: RelationType[];
  entityTypes: EntityTypeDeclaration[];
  sources: SourceRecord[];
  relations: Omit<RelationColumns, 'id' | 'date' | 'note'>;
  search: Pick<EntitySearchIndex, 'phraseEntity' | 'termStart' | 'postings' | 'nameLengths'>;
  dates: DateOverview;
  /** Built in the worker: a pass over a million slots is better spent off the main thread. */
  adjacency: Adjacency;
  /** How many slices follow the head, for the progress bar. */
  slices: number;
}

export type CompactSlice =
  | { kind: 'head'; head: CompactHead }
  | { kind: 'entities'; records: EntityRecord[] }
  | { kind: 'strings'; field: StringField; values: string[] }
  | { kind: 'dates'; entries: Array<[number, DateSpec]> }
  | { kind: 'notes'; entries: Array<[number, string]> };

/** Items per slice: each deserialises and indexes in a few milliseconds. */
const COMPACT_SLICE = 10_000;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  if (list.length <= size) return [list as T[]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** `size`: items per slice; one slice per kind (no copies) where nothing crosses a thread. */
export function compactSlices({ data, dates, search }: DecodedIndex, size = COMPACT_SLICE): CompactSlice[] {
  const { id, date, note, ...columns } = data.relations;
  const rest: CompactSlice[] = [
    ...chunks(data.entities, size).map((records): CompactSlice => ({ kind: 'entities', records })),
    ...chunks(id, size).map((values): CompactSlice => ({ kind: 'strings', field: 'relationIds', values })),
    ...chunks(data.quoteIds, size).map((values): CompactSlice => ({
      kind: 'strings',
      field: 'quoteIds',
      values,
    })),
    ...(['phrases', 'terms', 'texts'] as const).flatMap((field) =>
      chunks(search[field], size).map((values): CompactSlice => ({ kind: 'strings', field, values })),
    ),
    ...chunks([...date], size).map((entries): CompactSlice => ({ kind: 'dates', entries })),
    ...chunks([...note], size).map((entries): CompactSlice => ({ kind: 'notes', entries })),
  ];
  const head: CompactHead = {
    dataset: data.dataset,
    relationTypes: data.relationTypes,
    entityTypes: data.entityTypes,
    sources: data.sources,
    relations: columns,
    search: {
      phraseEntity: search.phraseEntity,
      termStart: search.termStart,
      postings: search.postings,
      nameLengths: search.nameLengths,
    },
    dates,
    adjacency: buildAdjacency(data.entities.length, columns.source, columns.target),
    slices: rest.length,
  };
  return [{ kind: 'head', head }, ...rest];
}

export interface CompactAssembler {
  add(slice: CompactSlice): void;
  /** Slices added so far and expected in all (known once the head has come). */
  progress(): { done: number; total: number };
  finish(): { model: Model; search: EntitySearch };
}

/**
 * `indexed`: id lookups the caller already built while decoding in this thread (Node tooling), and quote
 * lookups left to the model's first use; the worker's lookups cannot cross to the main thread, so there the
 * assembler builds them slice by slice.
 */
export function createCompactAssembler(indexed?: {
  entityIndex: IdIndex;
  relationIndex: IdIndex;
}): CompactAssembler {
  let head: CompactHead | null = null;
  let done = 0;
  const entities: EntityRecord[] = [];
  const strings: Record<StringField, string[]> = {
    relationIds: [],
    quoteIds: [],
    phrases: [],
    terms: [],
    texts: [],
  };
  const date = new Map<number, DateSpec>();
  const note = new Map<number, string>();
  // Id lookups grow slice by slice, so no single task indexes (or rehashes) half a million ids.
  const entityIndex = indexed?.entityIndex ?? new IdIndex();
  const relationIndex = indexed?.relationIndex ?? new IdIndex();
  const quoteIndex = new IdIndex();
  const indexInto = (map: IdIndex, list: string[], values: readonly string[]) => {
    for (const v of values) {
      map.set(v, list.length);
      list.push(v);
    }
  };

  return {
    add(slice) {
      done++;
      switch (slice.kind) {
        case 'head':
          head = slice.head;
          done = 0;
          return;
        case 'entities':
          for (const e of slice.records) {
            if (!indexed) entityIndex.set(e.id, entities.length);
            entities.push(e);
          }
          return;
        case 'strings':
          if (!indexed && slice.field === 'relationIds')
            indexInto(relationIndex, strings.relationIds, slice.values);
          else if (!indexed && slice.field === 'quoteIds')
            indexInto(quoteIndex, strings.quoteIds, slice.values);
          else for (const v of slice.values) strings[slice.field].push(v);
          return;
        case 'dates':
          for (const [k, v] of slice.entries) date.set(k, v);
          return;
        case 'notes':
          for (const [k, v] of slice.entries) note.set(k, v);
          return;
      }
    },
    progress: () => ({ done, total: head?.slices ?? 1 }),
    finish() {
      if (!head) throw new Error('the compact index ended before its head');
      const { relationTypes, entityTypes, sources, dataset, relations, search, dates, adjacency } = head;
      const model = modelFrom(
        {
          dataset,
          relationTypes,
          entityTypes,
          sources,
          entities,
          relations: { ...relations, id: strings.relationIds, date, note },
          quoteIds: strings.quoteIds,
          evidence: null,
        },
        { entityIndex, relationIndex, ...(indexed ? {} : { quoteIndex }), dates, adjacency },
      );
      const index: EntitySearchIndex = {
        ...search,
        phrases: strings.phrases,
        terms: strings.terms,
        texts: strings.texts,
      };
      return { model, search: entitySearchFrom(entities, index) };
    },
  };
}
