/**
 * A draft as the files of a dataset folder, and back. The files are exactly what graph-data/<id>/ holds
 * (five JSON files with their "$schema" lines, printed as Prettier prints them, and sources/*.txt), so an
 * exported draft validates with `npm run validate` unchanged and can be dropped into graph-data/.
 */
import type { Bundle } from '../format/bundle';
import type { Problem } from '../format/problems';
import { DATASET_FILES, type DatasetFileName } from '../format/schema';
import { filesReader, validateDatasetFolder, type ReadFile } from '../format/validate-folder';
import { emptyDraft, type Draft } from './draft';
import { prettyJson } from './draft-files-json';

/** Relative path in the folder → its text. */
export type DatasetFiles = Record<string, string>;

const SCHEMA_DIR = '../schema';
const schemaLine = (file: DatasetFileName) => `${SCHEMA_DIR}/${file.replace(/\.json$/, '.schema.json')}`;

export function draftToFiles(draft: Draft): DatasetFiles {
  const files: DatasetFiles = {
    'dataset.json': prettyJson({
      $schema: schemaLine('dataset.json'),
      ...draft.dataset,
      sources: draft.sources,
    }),
    'relation-types.json': prettyJson({
      $schema: schemaLine('relation-types.json'),
      relationTypes: draft.relationTypes,
    }),
    // Written only when the dataset declares types of its own, as graph-data/ has it.
    ...(draft.entityTypes && draft.entityTypes.length > 0
      ? {
          'entity-types.json': prettyJson({
            $schema: schemaLine('entity-types.json'),
            entityTypes: draft.entityTypes,
          }),
        }
      : {}),
    'entities.json': prettyJson({ $schema: schemaLine('entities.json'), entities: draft.entities }),
    'quotes.json': prettyJson({ $schema: schemaLine('quotes.json'), quotes: draft.quotes }),
    'relations.json': prettyJson({ $schema: schemaLine('relations.json'), relations: draft.relations }),
  };
  for (const source of draft.sources) files[source.file] = draft.texts[source.id] ?? '';
  return files;
}

const readerOf = (files: DatasetFiles): ReadFile => filesReader(files);

/** The same checks as `npm run validate`, on the files the draft would export as. */
export function validateDraft(
  draft: Draft,
  label = draft.dataset.id,
): ReturnType<typeof validateDatasetFolder> {
  return validateDatasetFolder(label, readerOf(draftToFiles(draft)));
}

export type DraftBundleResult =
  { ok: true; bundle: Bundle; problems: Problem[] } | { ok: false; problems: Problem[] };

/** The compiled bundle of a draft, as `npm run compile` would make it; refused (with why) while the draft has errors. */
export function draftToBundle(draft: Draft): DraftBundleResult {
  const { bundle, problems } = validateDraft(draft);
  return bundle ? { ok: true, bundle, problems } : { ok: false, problems };
}

export type DraftFromFilesResult =
  /** `problems` are what `npm run validate` says about it (a quote not in its source, say): the author fixes them in the draft. */
  | { ok: true; draft: Draft; problems: Problem[] }
  /** The files are not a dataset the workspace can hold: `problems` say what is missing or malformed. */
  | { ok: false; problems: Problem[] };

export interface DraftFromFilesOptions {
  key: string;
  /** Prefixes file names in problems (the zip's or folder's name). */
  label?: string;
  now?: Date;
}

/** Parsed JSON of a dataset file, if the file exists, parses and has the shape its schema asks for. */
function shaped(files: DatasetFiles, file: DatasetFileName): Record<string, unknown> | undefined {
  const text = files[file];
  if (text === undefined || !Object.hasOwn(files, file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // The parsed value is kept rather than the schema's output, so every record keeps its keys in the
  // author's order and an imported dataset exports again unchanged.
  return DATASET_FILES[file].safeParse(value).success ? (value as Record<string, unknown>) : undefined;
}

/**
 * The files of a dataset folder as a draft. Files that are missing, unreadable or of the wrong shape
 * refuse it, with the validator's located problems; a dataset that is well formed but breaks evidence
 * rules becomes a draft anyway, with those problems, since fixing them is what the workspace is for.
 */
export function draftFromFiles(files: DatasetFiles, options: DraftFromFilesOptions): DraftFromFilesResult {
  const label = options.label ?? 'dataset';
  const { problems } = validateDatasetFolder(label, readerOf(files));
  const fail = (): DraftFromFilesResult => {
    const errors = problems.filter((p) => p.severity === 'error');
    // The schema files allow a few shapes the validator reports nothing on (an empty list of sources).
    if (errors.length === 0)
      errors.push({
        severity: 'error',
        code: 'schema',
        file: `${label}/dataset.json`,
        pointer: '',
        message: 'the dataset lists no sources; a dataset needs at least one source text',
      });
    return { ok: false, problems: errors };
  };
  const meta = shaped(files, 'dataset.json');
  const types = shaped(files, 'relation-types.json');
  const entities = shaped(files, 'entities.json');
  const quotes = shaped(files, 'quotes.json');
  const relations = shaped(files, 'relations.json');
  const declared = Object.hasOwn(files, 'entity-types.json') ? shaped(files, 'entity-types.json') : null;
  if (!meta || !types || !entities || !quotes || !relations) return fail();
  if (Object.hasOwn(files, 'entity-types.json') && !declared) return fail();
  const {
    $schema: _schema,
    sources,
    ...dataset
  } = meta as unknown as Draft['dataset'] & {
    $schema?: string;
    sources: Draft['sources'];
  };
  const texts: Record<string, string> = {};
  for (const source of sources) {
    const text = Object.hasOwn(files, source.file) ? files[source.file] : undefined;
    if (text === undefined || text.includes('\u0000')) return fail();
    texts[source.id] = text;
  }
  const base = emptyDraft(options.key, options.now);
  return {
    ok: true,
    draft: {
      ...base,
      dataset,
      sources,
      texts,
      relationTypes: types.relationTypes as Draft['relationTypes'],
      ...(declared ? { entityTypes: declared.entityTypes as NonNullable<Draft['entityTypes']> } : {}),
      entities: entities.entities as Draft['entities'],
      quotes: quotes.quotes as Draft['quotes'],
      relations: relations.relations as Draft['relations'],
    },
    problems,
  };
}
