/**
 * The whole source text beside the graph, with every quote that backs a relation highlighted (in the source's
 * colour) and clickable; with several sources, a switch between them and the relations they disagree on.
 * A server dataset's long source arrives as the windows its quotes need: opened, its whole text is fetched
 * first (WholeTextWait says so, and says why when it cannot be).
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type SyntheticEvent,
} from 'react';
import { relationSentence, quotesOfSource, relationsBacking } from '../../model/core/queries';
import { segmentText } from '../../model/core/quote-segments';
import { sourceLook } from '../../model/style/source-palette';
import { useActions, useThreadline } from '../../store/context';
import { Disputes } from './Disputes';
import { RelationChooser, type ChooserAnchor } from './RelationChooser';
import './source-reader.css';
import { clearFocusRange, focusRange } from './focus-range';
import { WholeTextWait, useWholeText } from './whole-text';

interface Choice {
  relationIds: string[];
  anchor: ChooserAnchor;
}

export function SourceReader() {
  const model = useThreadline((s) => s.model);
  const reader = useThreadline((s) => s.reader);
  const selection = useThreadline((s) => s.selection);
  // A compact dataset's source texts arrive with its evidence, after the model.
  useThreadline((s) => s.evidenceVersion);
  const { closeReader, selectRelation, openReader } = useActions();
  const body = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  // The highlight the chooser opened from: focus goes back to it when the chooser closes.
  const opener = useRef<HTMLElement | null>(null);
  const dismiss = useCallback(() => {
    opener.current?.focus({ preventScroll: true });
    setChoice(null);
  }, []);
  const source = model && reader.sourceId ? model.sources.get(reader.sourceId) : undefined;
  const fetching = useWholeText(reader.open ? source : undefined);

  const { segments, citing } = useMemo(() => {
    if (!model || !source || source.held) return { segments: [], citing: new Map<string, string[]>() };
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

  // A passage found by full-text search that no quote covers: scrolled to and painted, not re-rendered.
  useEffect(() => {
    const el = body.current;
    if (!reader.open || !reader.focusRange || !el) return;
    focusRange(el, reader.focusRange.start, reader.focusRange.end);
    return clearFocusRange;
  }, [reader.open, reader.focusRange, reader.focusVersion, segments]);

  // The chooser is placed against the highlight where it was; once the text moves, it would point elsewhere.
  useEffect(() => {
    const el = body.current;
    if (!choice || !el) return;
    const close = () => setChoice(null);
    el.addEventListener('scroll', close, { passive: true });
    return () => el.removeEventListener('scroll', close);
  }, [choice]);

  if (!model || !source || !reader.open) return null;
  const sourceIndex = model.index.source.get(source.id) ?? 0;
  const look = sourceLook(sourceIndex);
  const several = model.data.sources.length > 1;

  // One relation is selected at once; a passage backing several asks which (selecting adds its ends to the view).
  const activate = (quoteIds: string[], e: SyntheticEvent<HTMLElement>, clientY: number | null) => {
    const relationIds = relationsBacking(quoteIds, citing);
    if (relationIds.length === 1) return selectRelation(relationIds[0]!);
    if (relationIds.length === 0) return;
    const from = e.currentTarget;
    // A highlight can wrap over lines: open under the line that was clicked, not under the whole run.
    const rects = [...from.getClientRects()];
    const box =
      (clientY !== null ? rects.find((r) => clientY >= r.top && clientY <= r.bottom) : undefined) ??
      rects[rects.length - 1] ??
      from.getBoundingClientRect();
    opener.current = from;
    setChoice({ relationIds, anchor: { left: box.left, top: box.top, bottom: box.bottom } });
  };

  return (
    <aside
      className="reader"
      aria-label="Source reader"
      data-testid="source-reader"
      data-source-id={source.id}
      // The highlights, the swatch and the quote rules take the source's colour.
      style={
        { '--mark': look.mark, '--mark-strong': look.strong, '--source-swatch': look.swatch } as CSSProperties
      }
    >
      <header className="reader-head">
        <div className="reader-title">
          {several && (
            <label className="reader-switch">
              <span className="source-swatch" aria-hidden="true" />
              <select
                value={source.id}
                aria-label="Source"
                onChange={(e) => {
                  setChoice(null);
                  openReader(e.target.value);
                }}
              >
                {model.data.sources.map((s, i) => (
                  <option key={s.id} value={s.id}>
                    {i + 1}. {s.title}
                  </option>
                ))}
              </select>
            </label>
          )}
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
      {several && (
        <Disputes
          model={model}
          sourceId={source.id}
          onOpen={(relationId, quoteId) => {
            selectRelation(relationId);
            if (quoteId) openReader(source.id, quoteId);
          }}
        />
      )}
      <div className="reader-body" ref={body}>
        {source.held && <WholeTextWait state={fetching} />}
        {segments.map((seg) => {
          const text = source.text.slice(seg.start, seg.end);
          if (seg.quoteIds.length === 0) return <span key={seg.start}>{text}</span>;
          const relations = relationsBacking(seg.quoteIds, citing)
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
              aria-haspopup={relations.length > 1 ? 'dialog' : undefined}
              onClick={(e) => activate(seg.quoteIds, e, e.clientY)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  // Enter is handled here; the explorer's Enter (to the evidence list) would take focus away.
                  e.stopPropagation();
                  activate(seg.quoteIds, e, null);
                }
              }}
            >
              {text}
            </mark>
          );
        })}
      </div>
      {choice && (
        <RelationChooser
          model={model}
          relationIds={choice.relationIds}
          currentId={selection?.kind === 'relation' ? selection.id : null}
          anchor={choice.anchor}
          onPick={(id) => {
            dismiss();
            selectRelation(id);
          }}
          onClose={dismiss}
        />
      )}
    </aside>
  );
}
