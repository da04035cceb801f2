/** Runtime schema of the hand-edited dataset files; the JSON Schemas in graph-data/schema are generated from it. */
import { z } from 'zod';
import { ENTITY_TYPES, STATUSES } from '../core/vocabulary';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A decade ("1990s"), a year, a month or a day, ISO-style. Calendar validity is checked by the validator. */
const PARTIAL_DATE = /^(?:\d{3}0s|\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;

/**
 * Lengths are checked first and stop the checks that follow (`abort`): a regular expression over a
 * string of millions of characters overflows the regex engine's stack.
 */
const bounded = (max: number) => z.string().max(max, { abort: true });

export const idSchema = bounded(120).regex(
  SLUG,
  'ids are lowercase slugs: letters, digits and single hyphens',
);
const partialDateSchema = z
  .string()
  .regex(PARTIAL_DATE, 'dates are "1990s", "2018", "2018-07" or "2018-07-16"')
  .describe('A decade ("1990s"), year ("2018"), month ("2018-07") or day ("2018-07-16")');
const dateSpecSchema = z.union([
  partialDateSchema,
  z
    .strictObject({
      start: partialDateSchema.optional(),
      end: partialDateSchema.optional(),
      approximate: z.boolean().optional(),
    })
    .describe('An interval; either end may be open'),
]);

const entityTypeSchema = z.enum(ENTITY_TYPES);
const statusSchema = z.enum(STATUSES);

const text = (max: number) => z.string().min(1).max(max);

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text(500),
  file: bounded(200)
    .regex(/^sources\/[A-Za-z0-9._-]+\.txt$/, 'source files live in sources/ and end in .txt')
    .describe('Path of the verbatim text, relative to the dataset folder'),
  publisher: text(200).nullable().describe('null when the text does not say'),
  author: text(200).nullable().describe('null when the text does not say'),
  language: bounded(20).regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a BCP 47 language tag such as "en"'),
  date: partialDateSchema.nullable().describe('Publication date; null when unknown'),
  // Only web links: the app renders this as a link, and a javascript: or data: URL would run or show
  // whatever it holds when clicked.
  url: z
    .url({ protocol: /^https?$/, error: 'a source link is an http or https URL' })
    .max(2000)
    .nullable()
    .describe('An http or https URL; null when unknown'),
  dateline: text(200).optional(),
  notes: text(2000).optional(),
});

export const datasetFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  title: text(200),
  description: text(2000).optional(),
  sources: z.array(sourceSchema).min(1),
});

export const relationTypeSchema = z.strictObject({
  id: bounded(120).regex(/^[a-z]+(?:_[a-z]+)*$/, 'relation type ids are snake_case'),
  label: text(60).describe('Forward reading: "A <label> B"'),
  inverseLabel: text(60).describe('Reading from the target: "B <inverseLabel> A"'),
  directed: z.boolean(),
  domain: z.array(entityTypeSchema).min(1).describe('Entity types allowed as source'),
  range: z.array(entityTypeSchema).min(1).describe('Entity types allowed as target'),
  description: text(500).optional(),
});

const relationTypesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  relationTypes: z.array(relationTypeSchema).min(1),
});

export const entitySchema = z.strictObject({
  id: idSchema,
  type: entityTypeSchema,
  name: text(200),
  aliases: z.array(text(200)).optional(),
  description: text(2000),
  role: text(200).optional(),
  date: dateSpecSchema.optional().describe('For events: when it happened'),
});

const entitiesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  entities: z.array(entitySchema),
});

export const quoteSchema = z.strictObject({
  id: idSchema,
  source: idSchema.describe('Id of the source the quote is taken from'),
  exact: text(5000).describe('The verbatim text, character for character'),
  prefix: z.string().min(1).max(500).optional().describe('Text right before exact, to pick one occurrence'),
  suffix: z.string().min(1).max(500).optional().describe('Text right after exact, to pick one occurrence'),
  speaker: idSchema.optional().describe('Entity whose words the quote reports'),
  occasion: idSchema.optional().describe('Event entity at which the words were said'),
});

const quotesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  quotes: z.array(quoteSchema),
});

export const relationSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  type: z.string().min(1).max(120),
  status: statusSchema,
  date: dateSpecSchema.optional(),
  evidence: z.array(idSchema).min(1, 'a relation needs at least one quote as evidence'),
  note: text(1000).optional(),
});

const relationsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  relations: z.array(relationSchema),
});

export type PartialDate = z.infer<typeof partialDateSchema>;
export type DateSpec = z.infer<typeof dateSpecSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type DatasetFile = z.infer<typeof datasetFileSchema>;
export type RelationType = z.infer<typeof relationTypeSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type QuoteRecord = z.infer<typeof quoteSchema>;
export type RelationRecord = z.infer<typeof relationSchema>;

/** The files of a dataset folder, each with the schema that checks it. */
export const DATASET_FILES = {
  'dataset.json': datasetFileSchema,
  'relation-types.json': relationTypesFileSchema,
  'entities.json': entitiesFileSchema,
  'quotes.json': quotesFileSchema,
  'relations.json': relationsFileSchema,
} as const;
export type DatasetFileName = keyof typeof DATASET_FILES;
