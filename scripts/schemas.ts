/** `npm run schemas`: writes the JSON Schemas in graph-data/schema/ from the runtime zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/model/format/json-schemas';
import { GRAPH_DATA } from './dataset-files';

const dir = join(GRAPH_DATA, 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote graph-data/schema/${file}`);
}
