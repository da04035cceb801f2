/** JSON Schemas for editors, generated from the runtime schemas so the two never disagree. */
import { z } from 'zod';
import { bundleSchema } from './bundle';
import { DATASET_FILES } from './schema';

export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(DATASET_FILES)) {
    out[file.replace(/\.json$/, '.schema.json')] = z.toJSONSchema(schema, { io: 'input' });
  }
  out['bundle.schema.json'] = z.toJSONSchema(bundleSchema, { io: 'input' });
  return out;
}
