/** Writes a dataset file as one record per line: compact at 500k records, yet diffable and with useful line numbers. */

export interface JsonLayout {
  /** Indented JSON, as a person would write it; large files grow by about a third. */
  pretty?: boolean;
  /** Value of "$schema", so editors can check the file. */
  schema?: string;
}

export function recordsDocument(key: string, records: readonly unknown[], layout: JsonLayout = {}): string {
  const head = layout.schema === undefined ? {} : { $schema: layout.schema };
  if (layout.pretty) return `${JSON.stringify({ ...head, [key]: records }, null, 2)}\n`;
  const schemaLine = layout.schema === undefined ? '' : `"$schema":${JSON.stringify(layout.schema)},\n`;
  if (records.length === 0) return `{${schemaLine}"${key}":[]}\n`;
  return `{${schemaLine}"${key}":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

export function objectDocument(value: Record<string, unknown>, layout: JsonLayout = {}): string {
  const doc = layout.schema === undefined ? value : { $schema: layout.schema, ...value };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
