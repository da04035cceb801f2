import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/model/format/json-schemas';

/** Editors read graph-data/schema; it must say what the runtime schema says (regenerate with `npm run schemas`). */
describe('generated JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('%s is up to date', (file, schema) => {
    const committed: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'graph-data', 'schema', file), 'utf8'),
    );
    expect(committed).toEqual(schema);
  });
});
