/** Writing a story: the views saved as steps, their captions and quotes, their order; and playing it. */
import { useRef, useState } from 'react';
import './story.css';
import { MAX_CAPTION } from '../../model/story/story';
import { useReturnFocus } from '../../components/use-return-focus';
import { useActions, useThreadline } from '../../store/context';

export function StoryPanel() {
  const panel = useRef<HTMLElement>(null);
  useReturnFocus(panel);
  const model = useThreadline((s) => s.model);
  const story = useThreadline((s) => s.story);
  const selection = useThreadline((s) => s.selection);
  const a = useActions();
  const [caption, setCaption] = useState('');
  // The quote a new step can show: the first of the selected relation's.
  const selectedQuote =
    model && selection?.kind === 'relation' ? model.relations.get(selection.id)?.evidence[0] : undefined;
  const [withQuote, setWithQuote] = useState(true);
  if (!model) return null;

  const add = () => {
    a.addStoryStep(caption.trim(), withQuote && selectedQuote ? { quoteId: selectedQuote } : {});
    setCaption('');
  };

  return (
    <aside ref={panel} className="side-panel story-panel" aria-label="Story" data-testid="story-panel">
      <header className="side-head">
        <h2>Story</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the story"
          onClick={() => a.setSidePanel(null)}
        >
          ×
        </button>
      </header>
      <label className="story-field">
        Title
        <input value={story.title} maxLength={200} onChange={(e) => a.setStoryTitle(e.target.value)} />
      </label>
      <div className="story-new">
        <label className="story-field">
          Caption for this view
          <textarea
            value={caption}
            maxLength={MAX_CAPTION}
            rows={3}
            onChange={(e) => setCaption(e.target.value)}
            placeholder="What the reader should see here"
          />
        </label>
        {selectedQuote && (
          <label className="story-check">
            <input type="checkbox" checked={withQuote} onChange={(e) => setWithQuote(e.target.checked)} />{' '}
            Show the selected relation’s quote
          </label>
        )}
        <button type="button" className="primary" onClick={add}>
          Add this view as a step
        </button>
      </div>
      {story.steps.length === 0 ? (
        <p className="muted">Arrange the graph, write a caption, and add the view. Steps play in order.</p>
      ) : (
        <>
          <button
            type="button"
            onClick={() => {
              // The story takes the stage: on a phone this panel would cover it.
              a.setSidePanel(null);
              a.playStory(0);
            }}
          >
            ▶ Play the story
          </button>
          <ol className="story-steps">
            {story.steps.map((step, i) => (
              <li key={i}>
                <textarea
                  aria-label={`Caption of step ${i + 1}`}
                  value={step.caption}
                  maxLength={MAX_CAPTION}
                  rows={2}
                  onChange={(e) => a.updateStoryStep(i, { caption: e.target.value })}
                />
                <p className="muted">
                  {step.entities.length} entities
                  {step.quoteId ? ' · with a quote' : ''}
                </p>
                <div className="story-step-tools">
                  <button type="button" onClick={() => a.playStory(i)} aria-label={`Show step ${i + 1}`}>
                    Show
                  </button>
                  <button
                    type="button"
                    onClick={() => a.retakeStoryStep(i)}
                    title="Replace this step's view with what is shown now"
                  >
                    Use this view
                  </button>
                  <button
                    type="button"
                    disabled={i === 0}
                    onClick={() => a.moveStoryStep(i, -1)}
                    aria-label={`Move step ${i + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === story.steps.length - 1}
                    onClick={() => a.moveStoryStep(i, 1)}
                    aria-label={`Move step ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => a.removeStoryStep(i)}
                    aria-label={`Delete step ${i + 1}`}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
