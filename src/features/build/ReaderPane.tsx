/**
 * A source of the draft, with its quotes highlighted: selecting a passage offers "Cite as evidence", and
 * a highlight selects the relation it backs in the graph.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../model/authoring/sentences';
import type { Draft } from '../../model/authoring/draft';
import { quotesOfSource, relationSentence } from '../../model/core/queries';
import { segmentText } from '../../model/core/quote-segments';
import { useActions, useThreadline } from '../../store/context';
import { CiteForm } from './CiteForm';
import { spanOfSelection } from './selection-span';

export function ReaderPane({
  draft,
  sourceId,
  onRead,
}: {
  draft: Draft;
  sourceId: string | null;
  onRead: (id: string) => void;
}) {
  const model = useThreadline((s) => s.model);
  const { selectRelation } = useActions();
  const body = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<Span | null>(null);
  const [citing, setCiting] = useState<Span | null>(null);
  const text = sourceId ? draft.texts[sourceId] : undefined;

  useEffect(() => {
    const onChange = () => {
      const el = body.current;
      if (!el || text === undefined) return;
      const got = spanOfSelection(el, document.getSelection(), text);
      if (got !== undefined) setSpan(got);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text]);

  const { segments, citedBy } = useMemo(() => {
    if (!model || !sourceId || text === undefined)
      return { segments: [], citedBy: new Map<string, string[]>() };
    const quotes = quotesOfSource(model, sourceId);
    return {
      segments: segmentText(
        text.length,
        quotes.map((q) => q.quote),
      ),
      citedBy: new Map(quotes.map((q) => [q.quote.id, q.citedBy])),
    };
  }, [model, sourceId, text]);

  if (!sourceId || text === undefined)
    return <p className="muted build-pane">No source to read yet: add one under Sources.</p>;

  return (
    <div className="build-pane build-reader">
      {draft.sources.length > 1 && (
        <label className="build-field">
          Source
          <select value={sourceId} onChange={(e) => onRead(e.target.value)}>
            {draft.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {!citing && (
        <div className="build-cite-bar" aria-live="polite">
          {span ? (
            <>
              <span className="muted build-selected">
                “{text.slice(span.start, Math.min(span.end, span.start + 80))}
                {span.end - span.start > 80 ? '…' : ''}”
              </span>
              <button type="button" className="primary" onClick={() => setCiting(span)}>
                Cite as evidence
              </button>
            </>
          ) : (
            <span className="muted">Select a passage to cite it as evidence.</span>
          )}
        </div>
      )}
      {citing && (
        <CiteForm
          draft={draft}
          sourceId={sourceId}
          span={citing}
          onDone={() => {
            setCiting(null);
            setSpan(null);
            document.getSelection()?.removeAllRanges();
          }}
        />
      )}
      <div className="build-text" ref={body} data-testid="build-text">
        {segments.map((seg) => {
          const part = text.slice(seg.start, seg.end);
          if (seg.quoteIds.length === 0) return <span key={seg.start}>{part}</span>;
          const relations = seg.quoteIds.flatMap((q) => citedBy.get(q) ?? []);
          const first = relations[0];
          const label = relations
            .map((id) => model?.relations.get(id))
            .filter((r) => r !== undefined)
            .map((r) => relationSentence(model!, r))
            .join('; ');
          return (
            <mark
              key={seg.start}
              data-quote-ids={seg.quoteIds.join(' ')}
              title={label || 'A quote that backs no relation yet'}
              onClick={() => first && selectRelation(first)}
            >
              {part}
            </mark>
          );
        })}
      </div>
    </div>
  );
}
