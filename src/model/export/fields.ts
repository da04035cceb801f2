/** Flat attribute values for nodes and edges, shared by GraphML, GEXF and CSV so the three describe the same columns. */
import type { ExportEdge, ExportNode } from './export-graph';

/** Several values in one field (one per quote) are separated by a line break, which every format keeps. */
const JOIN = '\n';

export type FieldValue = string | number | boolean;
export interface FieldSpec<T> {
  name: string;
  kind: 'string' | 'int' | 'boolean';
  get(element: T): FieldValue | undefined;
}

// Types are named entity_type and relation_type because Gephi reads an edge column "type" as directed/undirected.
export const NODE_FIELDS: FieldSpec<ExportNode>[] = [
  { name: 'label', kind: 'string', get: (n) => n.name },
  { name: 'entity_type', kind: 'string', get: (n) => n.type },
  { name: 'entity_type_label', kind: 'string', get: (n) => n.typeLabel },
  { name: 'base_type', kind: 'string', get: (n) => n.baseType },
  { name: 'role', kind: 'string', get: (n) => n.role },
  { name: 'description', kind: 'string', get: (n) => n.description },
  { name: 'aliases', kind: 'string', get: (n) => (n.aliases.length > 0 ? n.aliases.join(JOIN) : undefined) },
  { name: 'date', kind: 'string', get: (n) => n.date?.text },
  { name: 'date_start', kind: 'string', get: (n) => n.date?.start || undefined },
  { name: 'date_end', kind: 'string', get: (n) => n.date?.end || undefined },
];

const quoteList = (e: ExportEdge, pick: (q: ExportEdge['quotes'][number]) => string) =>
  e.quotes.length > 0 ? e.quotes.map(pick).join(JOIN) : undefined;

/** "“Tuesday” in the article": a date as its source words it, relative to the source's own date. */
export const writtenDate = (w: NonNullable<ExportEdge['dateWritten']>): string =>
  `“${w.asWritten}” in ${w.source}`;

/** One line per source the edge cites, in its voices' order. */
const voiceList = (e: ExportEdge, pick: (v: ExportEdge['voices'][number]) => string) =>
  e.voices.length > 0 ? e.voices.map(pick).join(JOIN) : undefined;

/**
 * The quote columns line up (the n-th line of each is the n-th quote); the source columns list each source once,
 * with how it presents the relation ("Report: fact; denial").
 */
export const EDGE_FIELDS: FieldSpec<ExportEdge>[] = [
  { name: 'label', kind: 'string', get: (e) => e.label },
  { name: 'relation_type', kind: 'string', get: (e) => e.type },
  { name: 'status', kind: 'string', get: (e) => e.status },
  { name: 'voices', kind: 'string', get: (e) => e.voicesText || undefined },
  { name: 'corroboration', kind: 'int', get: (e) => e.corroboration },
  { name: 'contested', kind: 'boolean', get: (e) => e.contested },
  { name: 'answers', kind: 'string', get: (e) => e.answers },
  { name: 'directed', kind: 'boolean', get: (e) => e.directed },
  { name: 'date', kind: 'string', get: (e) => e.date?.text },
  { name: 'date_start', kind: 'string', get: (e) => e.date?.start || undefined },
  { name: 'date_end', kind: 'string', get: (e) => e.date?.end || undefined },
  {
    name: 'date_as_written',
    kind: 'string',
    get: (e) => (e.dateWritten ? writtenDate(e.dateWritten) : undefined),
  },
  { name: 'note', kind: 'string', get: (e) => e.note },
  { name: 'citation', kind: 'int', get: (e) => e.number },
  { name: 'evidence_count', kind: 'int', get: (e) => e.quotes.length },
  { name: 'sources', kind: 'string', get: (e) => voiceList(e, (v) => v.sourceTitle) },
  { name: 'source_ids', kind: 'string', get: (e) => voiceList(e, (v) => v.sourceId) },
  {
    name: 'source_statuses',
    kind: 'string',
    get: (e) => voiceList(e, (v) => `${v.sourceTitle}: ${v.statuses.join('; ')}`),
  },
  { name: 'quote_ids', kind: 'string', get: (e) => quoteList(e, (q) => q.id) },
  { name: 'quotes', kind: 'string', get: (e) => quoteList(e, (q) => q.exact) },
  { name: 'quote_statuses', kind: 'string', get: (e) => quoteList(e, (q) => q.status) },
  { name: 'asserted_by', kind: 'string', get: (e) => quoteList(e, (q) => q.assertedBy.join('; ')) },
  { name: 'speakers', kind: 'string', get: (e) => quoteList(e, (q) => q.speakers.join('; ')) },
  { name: 'quote_sources', kind: 'string', get: (e) => quoteList(e, (q) => q.sourceTitle) },
  { name: 'source_urls', kind: 'string', get: (e) => voiceList(e, (v) => v.url ?? '') },
];
