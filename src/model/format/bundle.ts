/** The compiled bundle the app loads: one JSON document with sources (and their text), entities, relations and quotes. */
import { z } from 'zod';
import {
  datasetFileSchema,
  entitySchema,
  entityTypeDeclarationSchema,
  idSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
} from './schema';

export const BUNDLE_FORMAT = 'threadline-bundle';
/** Version 2 added claims, answers, written dates, joint speakers and declared entity types; version 1 still loads. */
export const BUNDLE_VERSION = 2;

const bundleQuoteSchema = z.strictObject({
  id: idSchema,
  sourceId: idSchema,
  exact: z.string().min(1).max(5000),
  prefix: z.string().min(1).max(500).optional(),
  suffix: z.string().min(1).max(500).optional(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  speaker: idSchema.optional(),
  /** Set when several entities speak the quote jointly; speaker is then the first of them. */
  speakers: z.array(idSchema).max(50).optional(),
  occasion: idSchema.optional(),
});

const bundleSourceSchema = sourceSchema.extend({
  text: z.string().max(50_000_000),
});

export const bundleSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(BUNDLE_FORMAT),
  version: z.union([z.literal(1), z.literal(BUNDLE_VERSION)]),
  dataset: datasetFileSchema.pick({ id: true, title: true, description: true }),
  relationTypes: z.array(relationTypeSchema).min(1),
  entityTypes: z.array(entityTypeDeclarationSchema).optional(),
  sources: z.array(bundleSourceSchema).min(1),
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  quotes: z.array(bundleQuoteSchema),
});

export type Bundle = z.infer<typeof bundleSchema>;
/** A quote as a bundle holds it. */
export type BundleQuoteRecord = z.infer<typeof bundleQuoteSchema>;
/** A quote as the model gives it: its speakers always listed (empty when none; speaker is the first). */
export type BundleQuote = BundleQuoteRecord & { speakers: string[] };
export type BundleSource = z.infer<typeof bundleSourceSchema>;
