/**
 * Reads the compact files into the model's columns, checking what the columns could get wrong: lengths,
 * indices out of range, duplicate ids, relations without evidence, dates, domain and range, quote spans
 * outside their source. A quote cannot differ from its source here: its text is the source's slice.
 * Every problem names its file and the JSON pointer of the offending value.
 */
import { z } from 'zod';
import { DateTally, type DateOverview } from '../../core/date-overview';
import { SAME_STATUS, type EvidenceData, type ModelData } from '../../core/model-data';
import { IdIndex } from '../../core/id-index';
import type { IdLookup } from '../../core/model';
import { shown, type Problem, type ProblemCode } from '../problems';
import type { EntitySearchIndex } from '../../search/search-index';
import { invisibleCharacter, invisibleOffsets, splitsCharacter } from '../invisible-text';
import {
  entityTypeDeclarationSchema,
  relationTypeSchema,
  SLUG,
  sourceSchema,
  type DateWritten,
  type EntityRecord,
  type RelationType,
} from '../schema';
import { entityTypeMap, typeAllowed } from '../../core/entity-types';
import { ENTITY_TYPES, STATUSES } from '../../core/vocabulary';
import { COMPACT_FORMAT, COMPACT_VERSION } from './format';

/** Problems stop being collected past this many: a broken 500k-row column would otherwise list them all. */
const MAX_PROBLEMS = 50;

class Problems {
  readonly list: Problem[] = [];
  constructor(private readonly file: string) {}
  add(pointer: string, message: string, code: ProblemCode = 'bundle-format', file = this.file) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ severity: 'error', code, file, pointer, message });
  }
  get full() {
    return this.list.length >= MAX_PROBLEMS;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function header(json: unknown, p: Problems): json is Json {
  if (!isObject(json)) {
    p.add('', 'expected a JSON object');
    return false;
  }
  if (json.format !== COMPACT_FORMAT || (json.version !== 1 && json.version !== COMPACT_VERSION)) {
    p.add('/format', `expected format "${COMPACT_FORMAT}" version 1 or ${COMPACT_VERSION}`);
    return false;
  }
  return true;
}

/** An array of `length` items (any length when null) at `pointer`, or null with a problem. */
function list(
  parent: Json,
  key: string,
  pointer: string,
  p: Problems,
  length: number | null = null,
): unknown[] | null {
  const v = parent[key];
  if (!Array.isArray(v)) {
    p.add(`${pointer}/${key}`, 'expected an array');
    return null;
  }
  if (length !== null && v.length !== length) {
    p.add(`${pointer}/${key}`, `expected ${length} items (one per row), found ${v.length}`);
    return null;
  }
  return v;
}

/** Integers in [min, max) as an Int32Array; the first offender is reported. */
function ints(
  values: unknown[] | null,
  pointer: string,
  min: number,
  max: number,
  what: string,
  p: Problems,
) {
  if (!values) return new Int32Array(0);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v >= max) {
      p.add(`${pointer}/${i}`, `${JSON.stringify(v)} is not ${what}`);
      if (p.full) break;
      continue;
    }
    out[i] = v;
  }
  return out;
}

/** A sparse column ({"17": value}) as a Map by row, rows checked against `rows`. */
function sparse<T>(
  parent: Json,
  key: string,
  pointer: string,
  rows: number,
  check: (v: unknown) => v is T,
  what: string,
  p: Problems,
): Map<number, T> {
  const out = new Map<number, T>();
  const v = parent[key];
  if (v === undefined) return out;
  if (!isObject(v)) {
    p.add(`${pointer}/${key}`, 'expected an object keyed by row');
    return out;
  }
  for (const [k, value] of Object.entries(v)) {
    const row = Number(k);
    if (!Number.isInteger(row) || row < 0 || row >= rows) p.add(`${pointer}/${key}/${k}`, `no row ${k}`);
    else if (!check(value)) p.add(`${pointer}/${key}/${k}`, `expected ${what}`);
    else out.set(row, value);
    if (p.full) break;
  }
  return out;
}

/** The first of ascending `offsets` at or after `from`, or Infinity. */
function firstAtOrAfter(offsets: readonly number[], from: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return offsets[lo] ?? Infinity;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Ids as strings, each once; the Map from id to row is what the model looks ids up with. */
function ids(values: unknown[] | null, pointer: string, p: Problems): { ids: string[]; index: IdIndex } {
  const index = new IdIndex();
  const out: string[] = [];
  const list = values ?? [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isString(v)) p.add(`${pointer}/${i}`, 'expected an id');
    else {
      index.set(v, i);
      out.push(v);
    }
  }
  // A duplicate leaves the map smaller than the list; only then is it looked for.
  if (index.size < out.length) {
    const seen = new Set<string>();
    out.forEach((v, i) => {
      if (seen.has(v)) p.add(`${pointer}/${i}`, `${shown(v)} is used twice`, 'duplicate-id');
      seen.add(v);
    });
  }
  return { ids: out, index };
}

function parsed<T>(schema: z.ZodType<T>, values: unknown[] | null, pointer: string, p: Problems): T[] {
  return (values ?? []).flatMap((v, i) => {
    const r = schema.safeParse(v);
    if (r.success) return [r.data];
    p.add(
      `${pointer}/${i}`,
      r.error.issues.map((x) => `${x.path.join('.') || 'value'}: ${x.message}`).join('; '),
      'schema',
    );
    return [];
  });
}

export interface DecodedIndex {
  data: ModelData;
  entityIndex: IdIndex;
  relationIndex: IdIndex;
  /** Gathered while the dates were checked. */
  dates: DateOverview;
  search: EntitySearchIndex;
}

/** The typeahead index the compiler built: every entity row and offset in range, so a search cannot go astray. */
function decodeSearch(json: Json, n: number, p: Problems): EntitySearchIndex {
  const s = isObject(json.search) ? json.search : {};
  if (!isObject(json.search)) p.add('/search', 'expected the search index');
  const strings = (key: string, length: number | null) => {
    const v = list(s, key, '/search', p, length) ?? [];
    const bad = v.findIndex((x) => typeof x !== 'string');
    if (bad >= 0) p.add(`/search/${key}/${bad}`, 'expected a string');
    return v as string[];
  };
  const phrases = strings('phrases', null);
  const terms = strings('terms', null);
  const texts = strings('texts', n);
  const phraseEntity = ints(
    list(s, 'phraseEntity', '/search', p, phrases.length),
    '/search/phraseEntity',
    -n,
    n,
    'an entity row',
    p,
  );
  const termStart = ints(
    list(s, 'termStart', '/search', p, terms.length + 1),
    '/search/termStart',
    0,
    2 ** 31 - 1,
    'an offset',
    p,
  );
  const postings = ints(list(s, 'postings', '/search', p), '/search/postings', 0, n, 'an entity row', p);
  const nameLengths = ints(
    list(s, 'nameLengths', '/search', p, n),
    '/search/nameLengths',
    0,
    2 ** 31 - 1,
    'a length',
    p,
  );
  for (let t = 0; t < terms.length; t++)
    if (termStart[t]! > termStart[t + 1]! || termStart[t + 1]! > postings.length) {
      p.add(`/search/termStart/${t + 1}`, 'offsets must rise and stay within the postings');
      break;
    }
  return { phrases, phraseEntity, terms, termStart, postings, texts, nameLengths };
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The compact index as model data without evidence; `file` names it in problems. */
export function decodeIndex(json: unknown, file: string): Decoded<DecodedIndex> {
  const p = new Problems(file);
  if (!header(json, p)) return { ok: false, problems: p.list };
  const dataset = z
    .object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() })
    .safeParse(json.dataset);
  if (!dataset.success) p.add('/dataset', 'expected an id and a title', 'schema');
  const relationTypes: RelationType[] = parsed(
    relationTypeSchema,
    list(json, 'relationTypes', '', p),
    '/relationTypes',
    p,
  );
  const sources = parsed(sourceSchema, list(json, 'sources', '', p), '/sources', p);
  const entityTypes =
    json.entityTypes === undefined
      ? []
      : parsed(entityTypeDeclarationSchema, list(json, 'entityTypes', '', p), '/entityTypes', p);
  const typeMap = entityTypeMap(entityTypes);
  // Entity type rows: the base types, then the declared ones.
  const typeNames = [...ENTITY_TYPES, ...entityTypes.map((t) => t.id)];

  const e = isObject(json.entities) ? json.entities : {};
  if (!isObject(json.entities)) p.add('/entities', 'expected entity columns');
  const entityIds = ids(list(e, 'id', '/entities', p), '/entities/id', p);
  const n = entityIds.ids.length;
  const type = ints(
    list(e, 'type', '/entities', p, n),
    '/entities/type',
    0,
    typeNames.length,
    'an entity type',
    p,
  );
  const name = list(e, 'name', '/entities', p, n) ?? [];
  const description = list(e, 'description', '/entities', p, n) ?? [];
  const isAliases = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
  const aliases = sparse(e, 'aliases', '/entities', n, isAliases, 'a list of names', p);
  const role = sparse(e, 'role', '/entities', n, isString, 'a role', p);
  const entityDate = sparse(
    e,
    'date',
    '/entities',
    n,
    (v): v is EntityRecord['date'] & {} => v !== undefined,
    'a date',
    p,
  );
  const entities: EntityRecord[] = [];
  const dates = new DateTally();
  // Checked field by field rather than through the zod schema: at 100k entities that is most of the load.
  const textAt = (column: unknown[], field: string, i: number, max: number) => {
    const v = column[i];
    if (typeof v === 'string' && v.length > 0 && v.length <= max) return v;
    p.add(`/entities/${field}/${i}`, `expected a ${field} of 1 to ${max} characters`, 'schema');
    return '';
  };
  for (let i = 0; i < n && !p.full; i++) {
    const id = entityIds.ids[i]!;
    if (id.length > 120 || !SLUG.test(id))
      p.add(`/entities/id/${i}`, `${shown(id)} is not a slug id`, 'schema');
    const record: EntityRecord = {
      id,
      type: typeNames[type[i]!]!,
      name: textAt(name, 'name', i, 200),
      description: textAt(description, 'description', i, 2000),
    };
    const hidden = invisibleCharacter(record.name);
    if (hidden)
      p.add(`/entities/name/${i}`, `${hidden.name} at character ${hidden.at + 1}`, 'invisible-character');
    const a = aliases.get(i);
    if (a) record.aliases = a;
    a?.forEach((alias, j) => {
      const hiddenInAlias = invisibleCharacter(alias);
      if (hiddenInAlias)
        p.add(
          `/entities/aliases/${i}/${j}`,
          `${hiddenInAlias.name} at character ${hiddenInAlias.at + 1}`,
          'invisible-character',
        );
    });
    const r = role.get(i);
    if (r) record.role = r;
    const hiddenInRole = r === undefined ? null : invisibleCharacter(r);
    if (hiddenInRole)
      p.add(
        `/entities/role/${i}`,
        `${hiddenInRole.name} at character ${hiddenInRole.at + 1}`,
        'invisible-character',
      );
    const date = entityDate.get(i);
    if (date !== undefined) {
      if (!dates.add(date))
        p.add(`/entities/date/${i}`, `entity ${shown(id)} has an invalid date`, 'invalid-date');
      record.date = date;
    }
    entities.push(record);
  }

  const quoteIds = (list(json, 'quoteIds', '', p) ?? []).map((v, i) => {
    if (!isString(v)) p.add(`/quoteIds/${i}`, 'expected an id');
    return String(v);
  });
  const r = isObject(json.relations) ? json.relations : {};
  if (!isObject(json.relations)) p.add('/relations', 'expected relation columns');
  const relationIds = ids(list(r, 'id', '/relations', p), '/relations/id', p);
  const m = relationIds.ids.length;
  // Entities and relations are elements of one graph in the view, where one id cannot name both.
  for (let i = 0; i < m && !p.full; i++)
    if (entityIds.index.get(relationIds.ids[i]!) !== undefined)
      p.add(`/relations/id/${i}`, `${shown(relationIds.ids[i]!)} is also an entity's id`, 'duplicate-id');
  const col = (key: string, max: number, what: string) =>
    ints(list(r, key, '/relations', p, m), `/relations/${key}`, 0, max, what, p);
  const source = col('source', n, 'an entity row');
  const target = col('target', n, 'an entity row');
  const relType = col('type', relationTypes.length, 'a relation type row');
  const status = Uint8Array.from(col('status', STATUSES.length, 'a status'));
  const evidenceStart = ints(
    list(r, 'evidenceStart', '/relations', p, m + 1),
    '/relations/evidenceStart',
    0,
    2 ** 31 - 1,
    'an offset',
    p,
  );
  const evidence = ints(
    list(r, 'evidence', '/relations', p),
    '/relations/evidence',
    0,
    quoteIds.length,
    'a quote row',
    p,
  );
  if (evidenceStart[0] !== 0 || evidenceStart[m] !== evidence.length)
    p.add('/relations/evidenceStart', `must run from 0 to the ${evidence.length} pieces of evidence`);
  const relationDate = sparse(
    r,
    'date',
    '/relations',
    m,
    (v): v is EntityRecord['date'] & {} => v !== undefined,
    'a date',
    p,
  );
  const note = sparse(r, 'note', '/relations', m, isString, 'a note', p);
  const slots = evidence.length;
  const claimStatus =
    r.claimStatus === undefined
      ? new Uint8Array(slots).fill(SAME_STATUS)
      : Uint8Array.from(
          ints(
            list(r, 'claimStatus', '/relations', p, slots),
            '/relations/claimStatus',
            0,
            256,
            'a status',
            p,
          ),
        );
  claimStatus.forEach((s, j) => {
    if (s >= STATUSES.length && s !== SAME_STATUS && !p.full)
      p.add(`/relations/claimStatus/${j}`, `${s} is not a status`, 'schema');
  });
  const isRows = (v: unknown): v is number[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x) && x >= 0 && x < n);
  const claimAssertedBy = new Map(
    [...sparse(r, 'claimAssertedBy', '/relations', slots, isRows, 'entity rows', p)].map(
      ([j, rows]) => [j, Int32Array.from(rows)] as const,
    ),
  );
  const claimAnswers = sparse(r, 'claimAnswers', '/relations', slots, isString, 'an id', p);
  const answers = sparse(r, 'answers', '/relations', m, isString, 'a relation id', p);
  const isWritten = (v: unknown): v is DateWritten =>
    isObject(v) &&
    isString(v.asWritten) &&
    isString(v.sourceId) &&
    (v.sourceDate === null || isString(v.sourceDate));
  const dateWritten = sparse(r, 'dateWritten', '/relations', m, isWritten, 'a date as written', p);
  // Domain and range as a table by relation type and entity type: a lookup per relation, not a list search.
  const E = typeNames.length;
  const allowed = (pick: (t: RelationType) => readonly string[]) =>
    Uint8Array.from({ length: relationTypes.length * E }, (_, x) =>
      typeAllowed(typeMap, typeNames[x % E]!, pick(relationTypes[Math.floor(x / E)]!)) ? 1 : 0,
    );
  const domain = allowed((t) => t.domain);
  const range = allowed((t) => t.range);
  const mismatch = (k: number, end: 'source' | 'target') => {
    const t = relationTypes[relType[k]!]!;
    const e = entities[(end === 'source' ? source : target)[k]!]!;
    p.add(
      `/relations/${end}/${k}`,
      `relation ${shown(relationIds.ids[k]!)}: a ${e.type} cannot be the ${end} of ${shown(t.id)}`,
      end === 'source' ? 'domain-violation' : 'range-violation',
    );
  };
  if (p.list.length === 0)
    for (let k = 0; k < m && !p.full; k++) {
      // No evidence, no relation: the contract holds for compact files as for bundles.
      if (evidenceStart[k + 1]! <= evidenceStart[k]!)
        p.add(
          `/relations/evidenceStart/${k + 1}`,
          `relation ${shown(relationIds.ids[k]!)} has no evidence`,
          'no-evidence',
        );
      const t = relType[k]! * E;
      if (!domain[t + type[source[k]!]!]) mismatch(k, 'source');
      if (!range[t + type[target[k]!]!]) mismatch(k, 'target');
    }
  for (const [k, date] of relationDate)
    if (!dates.add(date))
      p.add(
        `/relations/date/${k}`,
        `relation ${shown(relationIds.ids[k]!)} has an invalid date`,
        'invalid-date',
      );
  const search = decodeSearch(json, n, p);
  if (p.list.length > 0 || !dataset.success) return { ok: false, problems: p.list };
  return {
    ok: true,
    value: {
      data: {
        dataset: dataset.data,
        relationTypes,
        entityTypes,
        sources,
        entities,
        relations: {
          id: relationIds.ids,
          source,
          target,
          type: relType,
          status,
          date: relationDate,
          note,
          evidenceStart,
          evidence,
          claimStatus,
          claimAssertedBy,
          claimAnswers,
          answers,
          dateWritten,
        },
        quoteIds,
        evidence: null,
      },
      entityIndex: entityIds.index,
      relationIndex: relationIds.index,
      dates: dates.overview,
      search,
    },
  };
}

/** The compact evidence document for model data already decoded: every quote span inside its source. */
export function decodeEvidence(
  json: unknown,
  data: ModelData,
  quoteIndex: IdLookup,
  file: string,
  /** Where the quote ids are: the index file. */
  indexFile: string,
): Decoded<EvidenceData> {
  const p = new Problems(file);
  if (!header(json, p)) return { ok: false, problems: p.list };
  // The model looks quote ids up only once there is evidence: its lookup is first built now, and shows
  // a duplicate by its size.
  if (quoteIndex.size !== data.quoteIds.length) {
    const seen = new Set<string>();
    data.quoteIds.forEach((id, i) => {
      if (seen.has(id)) p.add(`/quoteIds/${i}`, `${shown(id)} is used twice`, 'duplicate-id', indexFile);
      seen.add(id);
    });
  }
  const texts = list(json, 'texts', '', p, data.sources.length) ?? [];
  texts.forEach((t, i) => {
    if (typeof t !== 'string') p.add(`/texts/${i}`, 'expected the text of a source');
  });
  const c = isObject(json.quotes) ? json.quotes : {};
  if (!isObject(json.quotes)) p.add('/quotes', 'expected quote columns');
  const rows = data.quoteIds.length;
  const n = data.entities.length;
  const col = (key: string, min: number, max: number, what: string) =>
    ints(list(c, key, '/quotes', p, rows), `/quotes/${key}`, min, max, what, p);
  const source = col('source', 0, texts.length, 'a source row');
  const start = col('start', 0, 2 ** 31 - 1, 'an offset');
  const end = col('end', 0, 2 ** 31 - 1, 'an offset');
  const speaker = col('speaker', -1, n, 'an entity row or -1');
  const isRows = (v: unknown): v is number[] =>
    Array.isArray(v) && v.length > 1 && v.every((x) => Number.isInteger(x) && x >= 0 && x < n);
  const speakers = new Map(
    [...sparse(c, 'speakers', '/quotes', rows, isRows, 'two or more entity rows', p)].map(
      ([q, list]) => [q, Int32Array.from(list)] as const,
    ),
  );
  const occasion = col('occasion', -1, n, 'an entity row or -1');
  const prefix = sparse(c, 'prefix', '/quotes', rows, isString, 'a prefix', p);
  const suffix = sparse(c, 'suffix', '/quotes', rows, isString, 'a suffix', p);
  // Where each source holds characters no quote may (usually nowhere: one scan of each text).
  const hiddenAt = texts.map((t) => (typeof t === 'string' ? invisibleOffsets(t) : []));
  for (let i = 0; i < rows && !p.full && p.list.length === 0; i++) {
    const text = texts[source[i]!];
    const length = typeof text === 'string' ? text.length : 0;
    const id = data.quoteIds[i] ?? '';
    if (!(start[i]! < end[i]! && end[i]! <= length))
      p.add(
        `/quotes/end/${i}`,
        `quote ${shown(id)} spans ${start[i]}–${end[i]}, outside its source`,
        'quote-not-found',
      );
    else if (splitsCharacter(text as string, start[i]!) || splitsCharacter(text as string, end[i]!))
      p.add(
        `/quotes/start/${i}`,
        `quote ${shown(id)} starts or ends inside a character`,
        'quote-splits-character',
      );
    else if (firstAtOrAfter(hiddenAt[source[i]!]!, start[i]!) < end[i]!)
      p.add(
        `/quotes/start/${i}`,
        `quote ${shown(id)} holds an invisible or direction-changing character`,
        'invisible-character',
      );
  }
  if (p.list.length > 0) return { ok: false, problems: p.list };
  return {
    ok: true,
    value: {
      texts: texts as string[],
      quotes: { source, start, end, speaker, speakers, occasion, prefix, suffix },
    },
  };
}
