/** One piece of evidence, under its source's heading: the verbatim quote, who said it, and the sentence around it. */
import { StatusBadge } from '../../components/StatusBadge';
import { quoteContext } from '../../model/core/held-text';
import type { Evidence } from '../../model/core/queries';
import type { Status } from '../../model/core/vocabulary';
import { useActions, useThreadline } from '../../store/context';

/** `status`: how this quote presents the relation, given when its source presents it in more than one way. */
export function EvidenceItem({ evidence, status }: { evidence: Evidence; status?: Status }) {
  const { openReader } = useActions();
  const model = useThreadline((s) => s.model);
  const { quote, source, speaker, occasion } = evidence;
  // On a source held in part (a server's long source), the sentence as far as its window holds it.
  const ctx = quoteContext(source, quote.start, quote.end);
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
      {ctx && (ctx.before || ctx.after) && (
        <p className="evidence-context" aria-label="Context">
          {ctx.cutBefore && <span title="The sentence begins earlier in the source">…</span>}
          {ctx.before}
          <mark>{quote.exact}</mark>
          {ctx.after}
          {ctx.cutAfter && <span title="The sentence goes on in the source">…</span>}
        </p>
      )}
      <button type="button" onClick={() => openReader(source.id, quote.id)}>
        Show in source
      </button>
    </li>
  );
}
