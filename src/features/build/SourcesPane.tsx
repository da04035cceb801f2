/** The draft's name and its sources: each can be read or deleted, and new text pasted in. */
import { useState, type FormEvent } from 'react';
import type { Draft } from '../../model/authoring/draft';
import { addSource, editDataset } from '../../model/authoring/draft-ops';
import { useActions } from '../../store/context';
import { DeleteButton } from './DeleteButton';

export function SourcesPane({ draft, onRead }: { draft: Draft; onRead: (sourceId: string) => void }) {
  const { editDraft } = useActions();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const r = editDraft((d) => addSource(d, { title: title || 'Pasted text', text }));
    if (!r.ok) return setError(r.error);
    setError(null);
    setTitle('');
    setText('');
    onRead(r.id);
  };

  return (
    <div className="build-pane">
      <RenameDataset key={draft.dataset.title} title={draft.dataset.title} />
      <h3>Sources</h3>
      {draft.sources.length === 0 ? (
        <p className="muted">No source yet: paste a text below.</p>
      ) : (
        <ul className="build-list">
          {draft.sources.map((s) => (
            <li key={s.id} className="build-item">
              <button type="button" className="link" onClick={() => onRead(s.id)}>
                {s.title}
              </button>
              <span className="muted">
                {' '}
                {[s.publisher, s.date, `${(draft.texts[s.id] ?? '').length.toLocaleString('en')} characters`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <DeleteButton draft={draft} kind="source" id={s.id} name={s.title} />
            </li>
          ))}
        </ul>
      )}
      <form className="build-form" onSubmit={add} aria-label="Paste a source">
        <h3>Paste a text</h3>
        <label className="build-field">
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Pasted text" />
        </label>
        <label className="build-field">
          Text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={6} />
        </label>
        {error && (
          <p className="build-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!text.trim()}>
          Add source
        </button>
      </form>
    </div>
  );
}

/** Keyed by the title, so undo or a reopened draft shows its own. */
function RenameDataset({ title }: { title: string }) {
  const { editDraft } = useActions();
  const [name, setName] = useState(title);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="build-row"
      onSubmit={(e) => {
        e.preventDefault();
        const r = editDraft((d) => editDataset(d, { title: name }));
        setError(r.ok ? null : r.error);
      }}
    >
      <label className="build-field grow">
        Dataset title
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" disabled={name === title}>
        Rename
      </button>
      {error && (
        <p className="build-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
