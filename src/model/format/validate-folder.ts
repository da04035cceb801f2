/** Validates a dataset folder (its JSON files, a large collection perhaps in numbered parts, and its source texts) and compiles it into a bundle. */
import type { z } from 'zod';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './bundle';
import {
  checkDataset,
  type CheckInput,
  type Indexed,
  type Locator,
  type QuoteInput,
  type RelationInput,
  type RelativeDateOutcome,
  type SourceInput,
} from './check-dataset';
import { parseJsonWithPositions, problemAt, type LocatedJson } from './json-with-positions';
import { MAX_JSON_BYTES } from './limits';
import { appendAll, hasErrors, pointerOf, type Problem } from './problems';
import {
  datasetFileSchema,
  entitySchema,
  entityTypeDeclarationSchema,
  quoteSchema,
  relationFileSchema,
  relationTypeSchema,
  sourceSchema,
  type DatasetFileName,
  type RelationFileRecord,
  type RelationRecord,
} from './schema';
import { schemaProblems, parseRecords } from './schema-problems';

/**
 * Reads a file of the dataset by its path relative to the folder: its text, undefined when it does not
 * exist, its size when it is too large to read at all, or why it was refused unread (a link out of the
 * folder, something other than a regular file).
 */
export type ReadFile = ((
  relativePath: string,
) => string | undefined | { tooLarge: number } | { refused: string }) & {
  /**
   * The names of the files in a folder of the dataset, when the reader can list one: parts are read up to
   * the first number missing, so only a listing shows a part stranded after a gap.
   */
  list?: (relativeDir: string) => string[];
};

export interface ValidationResult {
  problems: Problem[];
  /** Present only when there are no errors (warnings allowed). */
  bundle?: Bundle;
}

type Collection = Parameters<Locator>[0];
const FILE_OF: Record<Exclude<Collection, 'sources'>, { file: DatasetFileName; key: string }> = {
  entityTypes: { file: 'entity-types.json', key: 'entityTypes' },
  relationTypes: { file: 'relation-types.json', key: 'relationTypes' },
  entities: { file: 'entities.json', key: 'entities' },
  quotes: { file: 'quotes.json', key: 'quotes' },
  relations: { file: 'relations.json', key: 'relations' },
};

/** A reader over files already in memory (a zip's, a draft's), keyed by their path in the folder. */
export function filesReader(files: Readonly<Record<string, string>>): ReadFile {
  const read: ReadFile = (path) => (Object.hasOwn(files, path) ? files[path] : undefined);
  read.list = (dir) =>
    Object.keys(files)
      .filter((path) => path.startsWith(`${dir}/`) && !path.slice(dir.length + 1).includes('/'))
      .map((path) => path.slice(dir.length + 1));
  return read;
}

/** The problem with a file that was not read, whether too large or refused. */
const unread = (file: string, got: { tooLarge: number } | { refused: string }): Problem =>
  'tooLarge' in got
    ? {
        severity: 'error',
        code: 'too-large',
        file,
        pointer: '',
        message: `file is ${got.tooLarge} bytes; the limit is ${MAX_JSON_BYTES}`,
      }
    : { severity: 'error', code: 'unsafe-file', file, pointer: '', message: got.refused };

/** The files that may come in numbered parts, for datasets too large for one file (docs/data-format.md#parts). */
const PARTED = new Set<DatasetFileName>(['entities.json', 'quotes.json', 'relations.json']);

/** `relations.json`'s parts: relations/part-0001.json, part-0002.json… up to the first number missing. */
export const partFile = (file: string, n: number): string =>
  `${file.replace(/\.json$/, '')}/part-${String(n).padStart(4, '0')}.json`;

function findParts(read: ReadFile, file: string): string[] {
  const files: string[] = [];
  while (read(partFile(file, files.length + 1)) !== undefined) files.push(partFile(file, files.length + 1));
  return files;
}

/** Part files the numbering never reaches (a gap before them), which would otherwise be left out unsaid. */
function strandedParts(read: ReadFile, file: string, found: string[]): string[] {
  const dir = file.replace(/\.json$/, '');
  const reached = new Set(found);
  return (read.list?.(dir) ?? [])
    .filter((n) => /^part-\d+\.json$/.test(n))
    .map((n) => `${dir}/${n}`)
    .filter((path) => !reached.has(path))
    .sort();
}

/**
 * Parts' line numbers, worked out from a part's text read again when a problem needs one: keeping every
 * part's text for its locator would hold the whole collection's text at once. Only the last part is kept.
 */
function rereadingLines(read: ReadFile): (file: string, path: ReadonlyArray<string | number>) => number {
  let last: { file: string; lineOf: LocatedJson['lineOf'] } | undefined;
  return (file, path) => {
    if (last?.file !== file) {
      const text = read(file);
      const json = typeof text === 'string' ? parseJsonWithPositions(text, file) : undefined;
      if (!json || 'problems' in json) return 1;
      last = { file, lineOf: json.lineOf };
    }
    return last.lineOf(path);
  };
}

/** The position of the last entry of ascending `starts` not above `n`. */
function lastAtMost(starts: readonly number[], n: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `label` prefixes every file name in problems (usually the folder as the user typed it). */
export function validateDatasetFolder(label: string, read: ReadFile): ValidationResult {
  const problems: Problem[] = [];
  const name = (file: string) => `${label.replace(/\/$/, '')}/${file}`;
  // Only each file's locator is kept: once its records are schema-checked they are copies, and keeping
  // the parsed value too would hold every record of a large dataset twice.
  const lineOf = new Map<string, LocatedJson['lineOf']>();

  const load = (file: DatasetFileName): LocatedJson | undefined => {
    const text = read(file);
    if (text === undefined) {
      problems.push({
        severity: 'error',
        code: 'file-missing',
        file: name(file),
        pointer: '',
        message: `the dataset has no ${file}`,
      });
      return undefined;
    }
    if (typeof text !== 'string') {
      problems.push(unread(name(file), text));
      return undefined;
    }
    const json = parseJsonWithPositions(text, name(file));
    if ('problems' in json) {
      appendAll(problems, json.problems);
      return undefined;
    }
    lineOf.set(file, json.lineOf);
    return json;
  };

  const partLines = rereadingLines(read);
  const rejected = new Set<string>();
  /** Where each parted collection's parts start, by their first record's index over all parts. */
  const parted = new Map<Exclude<Collection, 'sources'>, { starts: number[]; files: string[] }>();
  const take = <T>(
    collection: Exclude<Collection, 'sources'>,
    schema: z.ZodType<T>,
    optional = false,
  ): Indexed<T>[] => {
    const { file, key } = FILE_OF[collection];
    const partFiles = PARTED.has(file) ? findParts(read, file) : [];
    if (PARTED.has(file))
      for (const stray of strandedParts(read, file, partFiles))
        problems.push({
          severity: 'error',
          code: 'part-gap',
          file: name(stray),
          pointer: '',
          message: `${stray} is never read: parts are read from ${partFile(file, 1)} up to the first number missing, and ${partFile(file, partFiles.length + 1)} is missing; number the parts without a gap`,
        });
    if (partFiles.length > 0) return takeParts(collection, schema, partFiles);
    if (optional && read(file) === undefined) return [];
    const json = load(file);
    if (!json) return [];
    const r = parseRecords(json, name(file), key, schema);
    appendAll(problems, r.problems);
    r.rejectedIds.forEach((id) => rejected.add(id));
    if (collection === 'relationTypes') requireSome(json, file, key, 'relation type');
    return r.records;
  };

  // A large collection in parts (docs/data-format.md#parts): read one part at a time, each record indexed
  // over all parts, and only a re-reading locator kept per part, so no part's text outlives its parse.
  const takeParts = <T>(
    collection: Exclude<Collection, 'sources'>,
    schema: z.ZodType<T>,
    files: string[],
  ): Indexed<T>[] => {
    const { file, key } = FILE_OF[collection];
    if (read(file) !== undefined)
      problems.push({
        severity: 'error',
        code: 'schema',
        file: name(file),
        pointer: '',
        message: `the dataset has both ${file} and its parts (${files[0]}…); keep one or the other`,
      });
    const records: Indexed<T>[] = [];
    const starts: number[] = [];
    // Each record's index counts every record before it in earlier parts, rejected ones included.
    let base = 0;
    for (const part of files) {
      starts.push(base);
      const text = read(part);
      if (typeof text !== 'string') {
        problems.push(text === undefined ? missing(part) : unread(name(part), text));
        continue;
      }
      const json = parseJsonWithPositions(text, name(part));
      if ('problems' in json) {
        appendAll(problems, json.problems);
        continue;
      }
      lineOf.set(part, (path) => partLines(part, path));
      const r = parseRecords(json, name(part), key, schema);
      appendAll(problems, r.problems);
      r.rejectedIds.forEach((id) => rejected.add(id));
      for (const rec of r.records) records.push({ value: rec.value, index: base + rec.index });
      const list = (json.value as Record<string, unknown> | null)?.[key];
      base += Array.isArray(list) ? list.length : 0;
    }
    parted.set(collection, { starts, files });
    return records;
  };
  const missing = (file: string): Problem => ({
    severity: 'error',
    code: 'file-missing',
    file: name(file),
    pointer: '',
    message: `${file} is missing`,
  });

  // The records are checked one by one, so the schemas' "at least one" on the lists is checked here: a
  // dataset without sources or relation types compiles to a bundle the app refuses.
  const requireSome = (json: LocatedJson, file: DatasetFileName, key: string, what: string) => {
    const root = json.value as Record<string, unknown> | null;
    const list = root !== null && typeof root === 'object' ? root[key] : undefined;
    if (Array.isArray(list) && list.length === 0)
      problems.push(
        problemAt(
          json,
          name(file),
          [key],
          'schema',
          `"${key}" is empty; a dataset needs at least one ${what}`,
        ),
      );
  };

  // dataset.json: metadata and the list of sources, whose texts are read from their files.
  const meta = load('dataset.json');
  let header: z.infer<typeof datasetFileSchema> | undefined;
  const sources: Indexed<SourceInput>[] = [];
  if (meta) {
    // Sources are checked one by one below, so one bad source does not hide the others.
    const { sources: _sources, ...rest } =
      meta.value !== null && typeof meta.value === 'object' ? (meta.value as Record<string, unknown>) : {};
    const top = datasetFileSchema.omit({ sources: true }).safeParse(rest);
    if (top.success) header = { ...top.data, sources: [] };
    else appendAll(problems, schemaProblems(top.error, meta, name('dataset.json')));
    const r = parseRecords(meta, name('dataset.json'), 'sources', sourceSchema);
    appendAll(problems, r.problems);
    requireSome(meta, 'dataset.json', 'sources', 'source');
    r.rejectedIds.forEach((id) => rejected.add(id));
    for (const { value, index } of r.records) {
      const got = read(value.file);
      const text = typeof got === 'string' && !got.includes('\u0000') ? got : undefined;
      const at = ['sources', index, 'file'];
      if (got === undefined)
        problems.push(
          problemAt(
            meta,
            name('dataset.json'),
            at,
            'file-missing',
            `source text ${value.file} does not exist`,
          ),
        );
      else if (typeof got !== 'string' && 'refused' in got)
        problems.push(problemAt(meta, name('dataset.json'), at, 'unsafe-file', got.refused));
      else if (typeof got !== 'string')
        problems.push({ ...unread(name(value.file), got), line: meta.lineOf(at) });
      else if (text === undefined)
        problems.push(
          problemAt(
            meta,
            name('dataset.json'),
            at,
            'binary-input',
            `source text ${value.file} is binary data, not text`,
          ),
        );
      sources.push({ value: { ...value, text }, index });
    }
  }

  const entityTypes = take('entityTypes', entityTypeDeclarationSchema, true);
  const relationTypes = take('relationTypes', relationTypeSchema);
  const entities = take('entities', entitySchema);
  const quoteRecords = take('quotes', quoteSchema);
  const relations = take('relations', relationFileSchema);
  const quotes: Indexed<QuoteInput>[] = quoteRecords.map(({ value: { source, ...rest }, index }) => ({
    value: { ...rest, sourceId: source },
    index,
  }));

  const locate: Locator = (collection, index, field = []) => {
    let file: string = collection === 'sources' ? 'dataset.json' : FILE_OF[collection].file;
    const key = collection === 'sources' ? 'sources' : FILE_OF[collection].key;
    const parts = collection === 'sources' ? undefined : parted.get(collection);
    let at = index;
    if (parts) {
      const p = lastAtMost(parts.starts, index);
      file = parts.files[p]!;
      at = index - parts.starts[p]!;
    }
    const path = [key, at, ...field];
    const line = lineOf.get(file)?.(path);
    return { file: name(file), ...(line !== undefined ? { line } : {}), pointer: pointerOf(path) };
  };
  const input: CheckInput = {
    sources,
    entityTypes,
    relationTypes,
    entities,
    quotes,
    relations: relations.map(({ value, index }) => ({ value: relationInput(value), index })),
    rejectedIds: rejected,
    quoteSourceField: 'source',
    usageWarnings: !hasErrors(problems),
  };
  const checked = checkDataset(input, locate);
  appendAll(problems, checked.problems);

  if (hasErrors(problems) || !header) return { problems };
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    dataset: {
      id: header.id,
      title: header.title,
      ...(header.description ? { description: header.description } : {}),
    },
    relationTypes: relationTypes.map((r) => r.value),
    ...(entityTypes.length > 0 ? { entityTypes: entityTypes.map((t) => t.value) } : {}),
    sources: sources.map(({ value: { text, ...s } }) => ({ ...s, text: text ?? '' })),
    entities: entities.map((e) => e.value),
    relations: relations.map(({ value }) => compileRelation(value, checked.relativeDates.get(value.id))),
    quotes: quotes.map(({ value: q }) => ({
      ...q,
      // Version 2 lists every quote's speakers; readers of version 1 know one speaker, the first.
      ...(q.speakers !== undefined ? { speaker: q.speakers[0] } : {}),
      speakers: q.speakers ?? (q.speaker !== undefined ? [q.speaker] : []),
      ...checked.offsets.get(q.id)!,
    })),
  };
  return { problems, bundle };
}

/** A relation of relations.json as the checks read it: every evidence item a claim, located in the file. */
function relationInput(r: RelationFileRecord): RelationInput {
  const { evidence, date, note: _note, ...rest } = r;
  return {
    ...rest,
    ...(date !== undefined ? { date } : {}),
    evidence: evidence.map((item, i) =>
      typeof item === 'string'
        ? { quote: item, quotePath: ['evidence', i], path: null }
        : { ...item, quotePath: ['evidence', i, 'quote'], path: ['evidence', i] },
    ),
  };
}

/**
 * A relation as the bundle holds it: evidence as quote ids, claims (status filled in) only when some item says
 * more than the relation does, a relative date resolved with its written form kept beside it.
 */
export function compileRelation(
  r: RelationFileRecord,
  relative: RelativeDateOutcome | undefined,
): RelationRecord {
  const { evidence, date, answers, note, ...rest } = r;
  const out: RelationRecord = {
    ...rest,
    evidence: evidence.map((e) => (typeof e === 'string' ? e : e.quote)),
  };
  if (relative?.date !== undefined) out.date = relative.date;
  else if (typeof date === 'string' || (date !== undefined && !('asWritten' in date))) out.date = date;
  if (relative) out.dateWritten = relative.written;
  if (evidence.some((e) => typeof e !== 'string'))
    out.claims = evidence.map((e) =>
      typeof e === 'string' ? { quote: e, status: r.status } : { ...e, status: e.status ?? r.status },
    );
  if (answers !== undefined) out.answers = answers;
  if (note !== undefined) out.note = note;
  return out;
}
