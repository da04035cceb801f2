/** nodes.csv and edges.csv of the visible subgraph (RFC 4180: CRLF rows, fields with quotes, commas or line breaks quoted). */
import type { ExportGraph } from './export-graph';
import { EDGE_FIELDS, NODE_FIELDS, type FieldValue } from './fields';

/** One RFC 4180 field; text is kept verbatim (quotes are evidence, so nothing is rewritten). */
export function csvField(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: Array<FieldValue | undefined>): string => values.map(csvField).join(',');

const table = (rows: Array<Array<FieldValue | undefined>>) => rows.map(csvRow).join('\r\n') + '\r\n';

export function toCSV(graph: ExportGraph): { nodes: string; edges: string } {
  const nodes = table([
    ['id', ...NODE_FIELDS.map((f) => f.name), 'x', 'y'],
    ...graph.nodes.map((n) => [
      n.id,
      ...NODE_FIELDS.map((f) => f.get(n)),
      n.position ? Math.round(n.position.x) : undefined,
      n.position ? Math.round(n.position.y) : undefined,
    ]),
  ]);
  const edges = table([
    ['id', 'source', 'target', 'source_label', 'target_label', ...EDGE_FIELDS.map((f) => f.name)],
    ...graph.edges.map((e) => [
      e.id,
      e.source,
      e.target,
      e.sourceName,
      e.targetName,
      ...EDGE_FIELDS.map((f) => f.get(e)),
    ]),
  ]);
  return { nodes, edges };
}
