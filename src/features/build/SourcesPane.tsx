/** The draft's name and its sources: add (a text or a file), read or delete them; import a spreadsheet; export or import the dataset. */
import { useState } from 'react';
import { AddSourceDialog, CsvImportDialog, DraftFiles } from '../build-io';
import type { Draft } from '../../model/authoring/draft';
import type { SourceRecord } from '../../model/format/schema';
import { addSource, editDataset } from '../../model/authoring/draft-ops';
import { useActions } from '../../store/context';
import { DeleteButton } from './DeleteButton';
import { SourceEditor } from './record-editors';

export function SourcesPane({ draft, onRead }: { draft: Draft; onRead: (sourceId: string) => void }) {
  const { editDraft, startDraft, notify } = useActions();
  const [dialog, setDialog] = useState<'source' | 'csv' | null>(null);

  return (
    <div className="build-pane">
      <RenameDataset key={draft.dataset.title} title={draft.dataset.title} />
      <h3>Sources</h3>
      {draft.sources.length === 0 ? (
        <p className="muted">No source yet: add the text you want to build from.</p>
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
              <SourceActions draft={draft} source={s} />
            </li>
          ))}
        </ul>
      )}
      <div className="build-actions">
        <button type="button" className="primary" onClick={() => setDialog('source')}>
          Add a source…
        </button>
        <button
          type="button"
          disabled={draft.sources.length === 0}
          title={draft.sources.length === 0 ? 'Add the source the spreadsheet quotes first' : undefined}
          onClick={() => setDialog('csv')}
        >
          Import spreadsheet…
        </button>
      </div>
      <h3>Dataset files</h3>
      <DraftFiles
        draft={draft}
        onImport={(imported, problems) => {
          startDraft(imported);
          const errors = problems.filter((p) => p.severity === 'error').length;
          if (errors > 0)
            notify(
              'warning',
              `The imported dataset has ${errors} problem${errors === 1 ? '' : 's'}: see Problems.`,
            );
        }}
      />
      {dialog === 'source' && (
        <AddSourceDialog
          onClose={() => setDialog(null)}
          onAdd={(source) => {
            const r = editDraft((d) => addSource(d, source));
            if (!r.ok) return r.error;
            setDialog(null);
            onRead(r.id);
            return null;
          }}
        />
      )}
      {dialog === 'csv' && (
        <CsvImportDialog
          draft={draft}
          onClose={() => setDialog(null)}
          onImport={(next) => {
            editDraft(() => ({ ok: true, draft: next, id: next.dataset.id }));
            setDialog(null);
          }}
        />
      )}
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

function SourceActions({ draft, source }: { draft: Draft; source: SourceRecord }) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <span className="build-item-actions">
        <button
          type="button"
          className="link"
          aria-expanded={editing}
          aria-label={`Edit ${source.title}`}
          onClick={() => setEditing(!editing)}
        >
          Edit
        </button>
        <DeleteButton draft={draft} kind="source" id={source.id} name={source.title} />
      </span>
      {editing && <SourceEditor source={source} onDone={() => setEditing(false)} />}
    </>
  );
}
