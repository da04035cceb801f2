/**
 * The story on screen: the step's caption and quote over the canvas, previous and next (also ← and →),
 * and Escape to stop. Captions and quotes are text, never markup.
 */
import { useEffect } from 'react';
import './story.css';
import { StatusBadge } from '../../components/StatusBadge';
import type { RelationRecord } from '../../model/format/schema';
import { selectSubgraph } from '../../store/selectors';
import type { CanvasHandle } from '../../graph-view/canvas-handle';
import { useActions, useThreadline } from '../../store/context';

/** A little longer than the canvas's glide between steps. */
const FRAME_AFTER_MS = 500;

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function StoryPlayer({ getCanvas }: { getCanvas: () => CanvasHandle | null }) {
  const model = useThreadline((s) => s.model);
  const story = useThreadline((s) => s.story);
  const at = useThreadline((s) => s.storyStep);
  const transition = useThreadline((s) => s.transitionVersion);
  const subgraph = useThreadline(selectSubgraph);
  const { stepStory, stopStory } = useActions();
  /** The relation a step's quote stands for: the step's selected one, else a drawn one citing it. */
  const relationOf = (
    selection: { kind: string; id: string } | null,
    quoteId: string,
  ): RelationRecord | undefined => {
    const chosen = selection?.kind === 'relation' ? model?.relations.get(selection.id) : undefined;
    if (chosen?.evidence.includes(quoteId)) return chosen;
    return subgraph.relations.find((r) => r.evidence.includes(quoteId));
  };

  useEffect(() => {
    if (at === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.defaultPrevented) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') stepStory(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') stepStory(-1);
      else if (e.key === 'Escape') stopStory();
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Capture: the explorer's own arrow keys walk relations; while a story plays they turn its pages.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [at, stepStory, stopStory]);

  // Each step is framed once its nodes have glided to their places.
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(() => getCanvas()?.fit(40), FRAME_AFTER_MS);
    return () => clearTimeout(timer);
  }, [at, transition, getCanvas]);

  const step = at === null ? undefined : story.steps[at];
  if (!model || at === null || !step) return null;
  const quote = step.quoteId ? model.quotes.get(step.quoteId) : undefined;
  const relation = quote ? relationOf(step.selection, quote.id) : undefined;
  const source = quote ? model.sources.get(quote.sourceId) : undefined;
  return (
    <section className="story-player" aria-label="Story" aria-live="polite" data-testid="story-player">
      <p className="story-progress">
        {story.title ? `${story.title} · ` : ''}Step {at + 1} of {story.steps.length}
      </p>
      {step.caption && <p className="story-caption">{step.caption}</p>}
      {quote && (
        <figure className="story-quote">
          <blockquote>{quote.exact}</blockquote>
          <figcaption>
            {relation && <StatusBadge status={relation.status} />} {source?.title}
          </figcaption>
        </figure>
      )}
      <div className="story-nav">
        <button type="button" onClick={() => stepStory(-1)} disabled={at === 0}>
          ← Previous
        </button>
        <button type="button" onClick={() => stepStory(1)} disabled={at === story.steps.length - 1}>
          Next →
        </button>
        <button type="button" onClick={stopStory} aria-label="Stop the story">
          ×
        </button>
      </div>
    </section>
  );
}
