/** Validates a dataset folder (its five JSON files and source texts) and compiles it into a bundle. */
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
export type ReadFile = (
  relativePath: string,
) => string | undefined | { tooLarge: number } | { refused: string };

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

  const rejected = new Set<string>();
  const take = <T>(
    collection: Exclude<Collection, 'sources'>,
    schema: z.ZodType<T>,
    optional = false,
  ): Indexed<T>[] => {
    const { file, key } = FILE_OF[collection];
    if (optional && read(file) === undefined) return [];
    const json = load(file);
    if (!json) return [];
    const r = parseRecords(json, name(file), key, schema);
    appendAll(problems, r.problems);
    r.rejectedIds.forEach((id) => rejected.add(id));
    return r.records;
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
    const file = collection === 'sources' ? 'dataset.json' : FILE_OF[collection].file;
    const key = collection === 'sources' ? 'sources' : FILE_OF[collection].key;
    const path = [key, index, ...field];
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
function compileRelation(r: RelationFileRecord, relative: RelativeDateOutcome | undefined): RelationRecord {
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
