/**
 * The numbered evidence an image carries: one entry per drawn relation, with how each source presents it, each quote
 * with its status and who asserts it, and the number of its source; then each cited source once.
 */
import { STATUS_LOOKS } from '../style/entity-style';
import type { ExportGraph, ExportQuote, ExportSource } from './export-graph';
import { writtenDate } from './fields';

/** Long quotes are cut in images (the data exports keep them whole) so one quote cannot swallow the footer. */
export const MAX_QUOTE_CHARS = 400;

export interface Citation {
  number: number;
  relationId: string;
  /** "Claimed: Donald Trump praised Vladimir Putin": printed in bold, so the status is part of it. */
  heading: string;
  /** The relation's date ("2018-07-16"), with the source's own words when it gave it relative to its date; or empty. */
  detail: string;
  /** How each source presents it: "Stated as fact by the report; denied by Donald Trump"; empty when unknown. */
  voices: string;
  quotes: Array<{ text: string; attribution: string }>;
  /** The numbers of the sources its quotes come from, so a shortened footer lists only the sources it still cites. */
  sourceNumbers: number[];
}

/** A cited source, listed once under the evidence: "S2  Title. Author. Publisher. 2019 · https://…". */
export interface SourceCitation {
  number: number;
  label: string;
  text: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export const sourceLabel = (number: number) => `S${number}`;

/** "— Denial · Donald Trump · S2": the quote's status, who asserts it (and whose words, when someone else's), its source. */
function attribution(q: ExportQuote, number: number | undefined): string {
  const who = q.assertedBy.length > 0 ? q.assertedBy.join(' and ') : q.speaker;
  const words =
    q.speaker && who !== q.speaker && !q.assertedBy.includes(q.speaker) ? ` (words of ${q.speaker})` : '';
  const parts = [
    STATUS_LOOKS[q.status].label,
    who ? `${who}${words}` : '',
    number ? sourceLabel(number) : '',
  ];
  return `— ${parts.filter(Boolean).join(' · ')}`;
}

export function citationsOf(graph: ExportGraph): Citation[] {
  const numbers = new Map(graph.sources.map((s) => [s.id, s.number]));
  return graph.edges.map((e) => ({
    number: e.number,
    relationId: e.id,
    heading: e.sentence,
    detail: [e.date?.text, e.dateWritten && writtenDate(e.dateWritten)].filter(Boolean).join(', '),
    voices: e.voicesText,
    quotes: e.quotes.map((q) => ({
      text: `“${clip(q.exact, MAX_QUOTE_CHARS)}”`,
      attribution: attribution(q, numbers.get(q.sourceId)),
    })),
    sourceNumbers: [...new Set(e.quotes.flatMap((q) => numbers.get(q.sourceId) ?? []))],
  }));
}

const reference = (s: ExportSource) =>
  [s.title, s.author, s.publisher, s.date].filter((x): x is string => !!x).join('. ') +
  (s.url ? ` · ${s.url}` : '');

export function sourceCitationsOf(graph: ExportGraph): SourceCitation[] {
  return graph.sources.map((s) => ({ number: s.number, label: sourceLabel(s.number), text: reference(s) }));
}
