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

/** A base type or one the dataset declares in entity-types.json; the validator checks which. */
const entityTypeSchema = bounded(60)
  .regex(SLUG, 'entity types are lowercase slugs such as "person" or "vessel"')
  .describe(`One of ${ENTITY_TYPES.join(', ')}, or a type declared in entity-types.json`);
export const statusSchema = z.enum(STATUSES);

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
  shortTitle: text(80)
    .optional()
    .describe(
      'How sentences name the source ("the article", "the Mueller report"); publisher or title when absent',
    ),
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

export const entityTypeDeclarationSchema = z.strictObject({
  id: bounded(60).regex(SLUG, 'entity type ids are lowercase slugs such as "vessel"'),
  label: text(60).describe('How the type is named in the legend, filters and exports'),
  base: z.enum(ENTITY_TYPES).describe('The base type it is drawn, filtered and exported as'),
  description: text(500).optional(),
});

const entityTypesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  entityTypes: z.array(entityTypeDeclarationSchema),
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
  speakers: z
    .array(idSchema)
    .min(1)
    .max(50)
    .optional()
    .describe('Entities who make the claim jointly; instead of speaker, never with it'),
  occasion: idSchema.optional().describe('Event entity at which the words were said'),
});

const quotesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  quotes: z.array(quoteSchema),
});

/** One source's voice on a relation: its quote, and how that source presents the relation when not as the relation's status. */
export const claimSpecSchema = z.strictObject({
  quote: idSchema.describe('Id of the quote'),
  status: statusSchema
    .optional()
    .describe("How this quote presents the relation; the relation's status when absent"),
  assertedBy: z
    .array(idSchema)
    .min(1)
    .max(50)
    .optional()
    .describe("Entities who make the claim; the quote's speakers when absent"),
  answers: idSchema
    .optional()
    .describe('For a denial or refutation: the quote of this relation, or the relation, it answers'),
});

/** A date as the source writes it ("Tuesday", "March 28", "today"), resolved against that source's date. */
export const relativeDateSchema = z
  .strictObject({
    asWritten: text(100).describe('The date as the source words it'),
    source: idSchema.describe('Id of the source whose date it is relative to'),
  })
  .describe("A date relative to a source's date");

/** A relation as written in relations.json. */
export const relationFileSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  type: z.string().min(1).max(120),
  status: statusSchema.describe("The dataset's summary of how the sources present it"),
  date: z.union([dateSpecSchema, relativeDateSchema]).optional(),
  evidence: z
    .array(z.union([idSchema, claimSpecSchema]))
    .min(1, 'a relation needs at least one quote as evidence'),
  answers: idSchema.optional().describe('For a denial or refutation: the relation it answers'),
  note: text(1000).optional(),
});

/** A claim as compiled: the status always filled in. */
export const compiledClaimSchema = claimSpecSchema.required({ status: true });

/**
 * A relation as compiled into a bundle and read from the model: evidence as quote ids (what most code needs), with
 * `claims` (one per evidence quote, in its order) only when some quote says more than the relation does.
 */
export const relationSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  type: z.string().min(1).max(120),
  status: statusSchema,
  date: dateSpecSchema.optional(),
  dateWritten: z
    .strictObject({
      asWritten: text(100),
      sourceId: idSchema,
      sourceDate: partialDateSchema.nullable(),
    })
    .optional()
    .describe('A date the source gives relative to its own date, as written; date is what it resolves to'),
  evidence: z.array(idSchema).min(1, 'a relation needs at least one quote as evidence'),
  claims: z.array(compiledClaimSchema).min(1).optional(),
  answers: idSchema.optional(),
  note: text(1000).optional(),
});

const relationsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  relations: z.array(relationFileSchema),
});

export type PartialDate = z.infer<typeof partialDateSchema>;
export type DateSpec = z.infer<typeof dateSpecSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type DatasetFile = z.infer<typeof datasetFileSchema>;
export type RelationType = z.infer<typeof relationTypeSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type QuoteRecord = z.infer<typeof quoteSchema>;
export type RelationRecord = z.infer<typeof relationSchema>;
export type RelationFileRecord = z.infer<typeof relationFileSchema>;
export type ClaimSpec = z.infer<typeof claimSpecSchema>;
export type CompiledClaim = z.infer<typeof compiledClaimSchema>;
export type RelativeDate = z.infer<typeof relativeDateSchema>;
export type DateWritten = NonNullable<RelationRecord['dateWritten']>;
export type EntityTypeDeclaration = z.infer<typeof entityTypeDeclarationSchema>;

/** The files of a dataset folder, each with the schema that checks it. */
export const DATASET_FILES = {
  'dataset.json': datasetFileSchema,
  'relation-types.json': relationTypesFileSchema,
  'entities.json': entitiesFileSchema,
  'quotes.json': quotesFileSchema,
  'relations.json': relationsFileSchema,
  /** Optional: a dataset without its own entity types uses the base types only. */
  'entity-types.json': entityTypesFileSchema,
} as const;
export type DatasetFileName = keyof typeof DATASET_FILES;
