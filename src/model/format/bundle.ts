/** The compiled bundle the app loads: one JSON document with sources (and their text), entities, relations and quotes. */
import { z } from 'zod';
import {
  datasetFileSchema,
  entitySchema,
  idSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
} from './schema';

export const BUNDLE_FORMAT = 'threadline-bundle';
export const BUNDLE_VERSION = 1;

const bundleQuoteSchema = z.strictObject({
  id: idSchema,
  sourceId: idSchema,
  exact: z.string().min(1).max(5000),
  prefix: z.string().min(1).max(500).optional(),
  suffix: z.string().min(1).max(500).optional(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  speaker: idSchema.optional(),
  occasion: idSchema.optional(),
});

const bundleSourceSchema = sourceSchema.extend({
  text: z.string().max(50_000_000),
});

export const bundleSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  dataset: datasetFileSchema.pick({ id: true, title: true, description: true }),
  relationTypes: z.array(relationTypeSchema).min(1),
  sources: z.array(bundleSourceSchema).min(1),
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  quotes: z.array(bundleQuoteSchema),
});

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleQuote = z.infer<typeof bundleQuoteSchema>;
export type BundleSource = z.infer<typeof bundleSourceSchema>;
