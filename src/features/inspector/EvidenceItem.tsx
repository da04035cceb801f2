/** One piece of evidence, under its source's heading: the verbatim quote, who said it, and the sentence around it. */
import { StatusBadge } from '../../components/StatusBadge';
import { sentenceAround } from '../../model/format/anchor';
import type { Evidence } from '../../model/core/queries';
import type { Status } from '../../model/core/vocabulary';
import { useActions, useThreadline } from '../../store/context';

/** `status`: how this quote presents the relation, given when its source presents it in more than one way. */
export function EvidenceItem({ evidence, status }: { evidence: Evidence; status?: Status }) {
  const { openReader } = useActions();
  const model = useThreadline((s) => s.model);
  const { quote, source, speaker, occasion } = evidence;
  const ctx = sentenceAround(source.text, quote.start, quote.end);
  // A claim made jointly names every speaker; `speaker` is the first of them.
  const speakers =
    quote.speakers && quote.speakers.length > 1
      ? quote.speakers.map((id) => model?.entities.get(id)?.name ?? id).join(' and ')
      : speaker?.name;
  return (
    <li className="evidence" data-quote-id={quote.id} data-status={status}>
      {status && <StatusBadge status={status} />}
      <blockquote>{quote.exact}</blockquote>
      {speakers && (
        <p className="evidence-meta">
          — {speakers}
          {occasion ? `, ${occasion.name}` : ''}
        </p>
      )}
      {(ctx.start < quote.start || ctx.end > quote.end) && (
        <p className="evidence-context" aria-label="Context">
          {source.text.slice(ctx.start, quote.start)}
          <mark>{quote.exact}</mark>
          {source.text.slice(quote.end, ctx.end)}
        </p>
      )}
      <button type="button" onClick={() => openReader(source.id, quote.id)}>
        Show in source
      </button>
    </li>
  );
}
