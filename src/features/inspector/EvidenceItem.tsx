/** One piece of evidence, under its source's heading: the verbatim quote, who said it, and the sentence around it. */
import { StatusBadge } from '../../components/StatusBadge';
import { quoteContext } from '../../model/core/held-text';
import type { Evidence } from '../../model/core/queries';
import type { Status } from '../../model/core/vocabulary';
import { useActions, useThreadline } from '../../store/context';
import { useQuoteContext } from './quote-context';

/** `status`: how this quote presents the relation, given when its source presents it in more than one way. */
export function EvidenceItem({ evidence, status }: { evidence: Evidence; status?: Status }) {
  const { openReader } = useActions();
  const model = useThreadline((s) => s.model);
  const { quote, source, speaker, occasion } = evidence;
  // On a source held in part (a server's long source), the sentence as far as its window holds it; a quote
  // a server sent alone has its window fetched now.
  const wait = useQuoteContext(source, quote.id, quote.start, quote.end);
  const ctx = wait.kind === 'held' ? quoteContext(source, quote.start, quote.end) : null;
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
      {wait.kind === 'loading' && (
        <p className="evidence-context" role="status">
          Reading the text around the quote from the server…
        </p>
      )}
      {wait.kind === 'failed' && (
        <p className="evidence-context" role="alert">
          The text around the quote could not be read: {wait.message}{' '}
          <button type="button" className="link" onClick={wait.retry}>
            Try again
          </button>
        </p>
      )}
      <button type="button" onClick={() => openReader(source.id, quote.id)}>
        Show in source
      </button>
    </li>
  );
}
