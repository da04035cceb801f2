/** One piece of evidence: the verbatim quote, who said it, the source, and the sentence around it. */
import { sentenceAround } from '../../model/format/anchor';
import type { Evidence } from '../../model/core/queries';
import { useActions } from '../../store/context';

export function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const { openReader } = useActions();
  const { quote, source, speaker, occasion } = evidence;
  const ctx = sentenceAround(source.text, quote.start, quote.end);
  return (
    <li className="evidence" data-quote-id={quote.id}>
      <blockquote>{quote.exact}</blockquote>
      <p className="evidence-meta">
        {speaker && (
          <span>
            — {speaker.name}
            {occasion ? `, ${occasion.name}` : ''}
          </span>
        )}
        <span className="muted">
          {speaker ? ' · ' : ''}
          {source.title}
          {source.publisher ? `, ${source.publisher}` : ''}
        </span>
      </p>
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
