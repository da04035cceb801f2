/** The whole source text beside the graph, with every quote that backs a relation highlighted and clickable. */
import { useEffect, useMemo, useRef } from 'react';
import { relationSentence, quotesOfSource } from '../../model/queries';
import { segmentText } from '../../model/quote-segments';
import { useActions, useThreadline } from '../../store/context';

export function SourceReader() {
  const model = useThreadline((s) => s.model);
  const reader = useThreadline((s) => s.reader);
  const selection = useThreadline((s) => s.selection);
  // A compact dataset's source texts arrive with its evidence, after the model.
  useThreadline((s) => s.evidenceVersion);
  const { closeReader, selectRelation, addEntities } = useActions();
  const body = useRef<HTMLDivElement>(null);
  const source = model && reader.sourceId ? model.sources.get(reader.sourceId) : undefined;

  const { segments, citing } = useMemo(() => {
    if (!model || !source) return { segments: [], citing: new Map<string, string[]>() };
    const quotes = quotesOfSource(model, source.id);
    const citing = new Map(quotes.map(({ quote, citedBy }) => [quote.id, citedBy]));
    const spans = quotes.filter((q) => q.citedBy.length > 0).map((q) => q.quote);
    return { segments: segmentText(source.text.length, spans), citing };
  }, [model, source]);

  const selectedQuotes = useMemo(() => {
    if (!model || selection?.kind !== 'relation') return new Set<string>();
    return new Set(model.relations.get(selection.id)?.evidence ?? []);
  }, [model, selection]);

  useEffect(() => {
    if (!reader.open || !reader.focusQuoteId) return;
    const mark = body.current?.querySelector<HTMLElement>(
      `mark[data-quote-ids~="${CSS.escape(reader.focusQuoteId)}"]`,
    );
    if (!mark) return;
    mark.scrollIntoView({ block: 'center' });
    body.current?.querySelectorAll('.is-focused').forEach((m) => m.classList.remove('is-focused'));
    body.current
      ?.querySelectorAll<HTMLElement>(`mark[data-quote-ids~="${CSS.escape(reader.focusQuoteId)}"]`)
      .forEach((m) => m.classList.add('is-focused'));
  }, [reader.open, reader.focusQuoteId, reader.focusVersion, segments]);

  if (!model || !source || !reader.open) return null;

  const activate = (quoteIds: string[]) => {
    const relationIds = [...new Set(quoteIds.flatMap((q) => citing.get(q) ?? []))];
    const first = relationIds[0];
    if (!first) return;
    const ends = relationIds.flatMap((id) => {
      const r = model.relations.get(id);
      return r ? [r.source, r.target] : [];
    });
    addEntities(ends);
    selectRelation(first);
  };

  return (
    <aside className="reader" aria-label="Source reader" data-testid="source-reader">
      <header className="reader-head">
        <div>
          <h2>{source.title}</h2>
          <p className="muted">
            {[
              source.publisher,
              source.dateline,
              source.author ?? 'author unknown',
              source.date ?? 'date unknown',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close source reader" onClick={closeReader}>
          ×
        </button>
      </header>
      <div className="reader-body" ref={body}>
        {segments.map((seg) => {
          const text = source.text.slice(seg.start, seg.end);
          if (seg.quoteIds.length === 0) return <span key={seg.start}>{text}</span>;
          const relations = [...new Set(seg.quoteIds.flatMap((q) => citing.get(q) ?? []))]
            .map((id) => model.relations.get(id))
            .filter((r) => r !== undefined);
          const label = relations.map((r) => relationSentence(model, r)).join('; ');
          return (
            <mark
              key={seg.start}
              data-quote-ids={seg.quoteIds.join(' ')}
              className={seg.quoteIds.some((q) => selectedQuotes.has(q)) ? 'is-selected' : undefined}
              title={label}
              tabIndex={0}
              role="button"
              // Named by its own text (what a voice-control user sees and says); the relations it backs
              // are its description, from the title.
              onClick={() => activate(seg.quoteIds)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  activate(seg.quoteIds);
                }
              }}
            >
              {text}
            </mark>
          );
        })}
      </div>
    </aside>
  );
}
