/**
 * nodes.csv, edges.csv, claims.csv (one row per quote of a relation: how its source presents it and who asserts it)
 * and sources.csv (each cited source once) of the visible subgraph, for spreadsheets: RFC 4180 (CRLF rows, fields with quotes,
 * commas or line breaks quoted), a UTF-8 byte order mark so Excel reads curly quotes and accents, and text that
 * a spreadsheet would run as a formula neutralised. The exact text stays in the bundle, GraphML and GEXF.
 */
import type { ExportGraph } from './export-graph';
import { EDGE_FIELDS, NODE_FIELDS, type FieldValue } from './fields';

/** Text starting with one of these is read as a formula by spreadsheet programs (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheets show a leading apostrophe as "this is text" and do not run what follows. */
const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const BOM = '\uFEFF';

/** One RFC 4180 field. Numbers are written as they are; text that could run as a formula gets a leading apostrophe. */
export function csvField(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvRow = (values: Array<FieldValue | undefined>): string => values.map(csvField).join(',');

const table = (rows: Array<Array<FieldValue | undefined>>) => BOM + rows.map(csvRow).join('\r\n') + '\r\n';

export interface CsvTables {
  nodes: string;
  edges: string;
  claims: string;
  sources: string;
}

export function toCSV(graph: ExportGraph): CsvTables {
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
  const sourceNumber = new Map(graph.sources.map((s) => [s.id, s.number]));
  const claims = table([
    [
      'relation_id',
      'citation',
      'relation',
      'claim',
      'source',
      'source_id',
      'source_number',
      'status',
      'asserted_by',
      'quote',
      'quote_id',
      'speakers',
      'answers',
    ],
    ...graph.edges.flatMap((e) =>
      e.quotes.map((q) => [
        e.id,
        e.number,
        e.sentence,
        q.sentence,
        q.sourceTitle,
        q.sourceId,
        sourceNumber.get(q.sourceId),
        q.status,
        q.assertedBy.join('; '),
        q.exact,
        q.id,
        q.speakers.join('; '),
        q.answers,
      ]),
    ),
  ]);
  const sources = table([
    ['number', 'id', 'title', 'author', 'publisher', 'date', 'url'],
    ...graph.sources.map((s) => [
      s.number,
      s.id,
      s.title,
      s.author ?? undefined,
      s.publisher ?? undefined,
      s.date ?? undefined,
      s.url ?? undefined,
    ]),
  ]);
  return { nodes, edges, claims, sources };
}
