/** The numbered evidence an image carries: one entry per drawn relation, with each quote, its speaker, the relation's status and the source. */
import type { ExportGraph, ExportQuote } from './export-graph';

/** Long quotes are cut in images (the data exports keep them whole) so one quote cannot swallow the footer. */
export const MAX_QUOTE_CHARS = 400;

export interface Citation {
  number: number;
  relationId: string;
  /** "Claimed: Donald Trump praised Vladimir Putin": printed in bold, so the status is part of it. */
  heading: string;
  /** The relation's date ("2018-07-16"), or empty. */
  detail: string;
  quotes: Array<{ text: string; attribution: string }>;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function attribution(q: ExportQuote): string {
  const source = [q.sourceTitle, q.publisher, q.sourceDate].filter((x): x is string => !!x).join(', ');
  const who = q.speaker ? `${q.speaker}, in ` : '';
  return `— ${who}${source}${q.url ? ` · ${q.url}` : ''}`;
}

export function citationsOf(graph: ExportGraph): Citation[] {
  return graph.edges.map((e) => ({
    number: e.number,
    relationId: e.id,
    heading: e.sentence,
    detail: e.date?.text ?? '',
    quotes: e.quotes.map((q) => ({
      text: `“${clip(q.exact, MAX_QUOTE_CHARS)}”`,
      attribution: attribution(q),
    })),
  }));
}
