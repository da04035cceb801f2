/** The CSV export as one download: a zip holding nodes.csv, edges.csv, claims.csv, sources.csv and a README naming the dataset. */
import { strToU8, zipSync } from 'fflate';
import { toCSV } from './csv';
import type { ExportGraph } from './export-graph';

export function csvZip(graph: ExportGraph, exportedAt: Date = new Date()): Uint8Array {
  const { nodes, edges, claims, sources } = toCSV(graph);
  const readme = [
    `${graph.dataset.title} (${graph.dataset.id})`,
    `Exported from Threadline on ${exportedAt.toISOString()}: ${graph.nodes.length} entities, ${graph.edges.length} relations.`,
    '',
    'nodes.csv: one row per entity. edges.csv: one row per relation, with its quotes;',
    'several quotes in one field are separated by line breaks. Files are UTF-8, RFC 4180.',
    'claims.csv: one row per quote of a relation, with how its source presents the relation',
    '(status) and who asserts it. sources.csv: each source cited, once, with its number.',
    '',
    "A relation's label says how the dataset sums it up unless it is a fact, as in",
    '"acted on behalf of (denied)"; the status column holds that status. Sources may differ:',
    'edges.csv lists each source once with its statuses (source_statuses) and in words',
    '(voices: "Stated as fact by the report; denied by Donald Trump"), and counts the',
    'independent sources (corroboration); contested is true when sources or claims disagree.',
    '',
    'Made for spreadsheet programs, so not every cell is the exact text:',
    '- each file starts with a UTF-8 byte order mark, so curly quotes and accents read correctly;',
    '- a cell that begins with =, +, -, @, a tab or a carriage return starts with an added',
    "  apostrophe ('), so the program shows it as text instead of running it as a formula",
    '  (OWASP, "CSV Injection"). Remove that apostrophe to get the original text.',
    'The exact text of every quote and name is in the Threadline bundle, GraphML and GEXF exports.',
    '',
  ].join('\r\n');
  // Passed in rather than read here so tests can make byte-identical archives.
  const mtime = exportedAt;
  return zipSync(
    {
      'nodes.csv': [strToU8(nodes), { mtime }],
      'edges.csv': [strToU8(edges), { mtime }],
      'claims.csv': [strToU8(claims), { mtime }],
      'sources.csv': [strToU8(sources), { mtime }],
      'README.txt': [strToU8(readme), { mtime }],
    },
    { level: 6 },
  );
}
