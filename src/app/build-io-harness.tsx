/**
 * A bench for the Build workspace's in-and-out pieces (src/features/build-io), reached only through
 * `window.threadline.io.harness()`: it mounts them over the explorer around a draft of its own, so they
 * can be driven end to end before and apart from the workspace that mounts them for real. The draft is
 * shown as JSON, so a test reads exactly what a piece did to it.
 */
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  AddSourceDialog,
  CsvImportDialog,
  DraftFiles,
  DraftList,
  SaveStatus,
  useAutosave,
  type SourceSubmission,
} from '../features/build-io';
import type { Draft } from '../model/authoring/draft';

/** Adds a source as the workspace would, minimally: enough to see what the dialog handed over. */
function withSource(draft: Draft, s: SourceSubmission): Draft {
  const base =
    s.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'source';
  let id = base;
  for (let n = 2; draft.sources.some((x) => x.id === id); n++) id = `${base}-${n}`;
  const { text, ...meta } = s;
  return {
    ...draft,
    sources: [...draft.sources, { id, file: `sources/${id}.txt`, ...meta }],
    texts: { ...draft.texts, [id]: text },
    updatedAt: new Date().toISOString(),
  };
}

const shown: { draft: Draft | null } = { draft: null };

function Harness({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState(initial);
  const [dialog, setDialog] = useState<'source' | 'csv' | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const save = useAutosave(draft);
  useEffect(() => {
    shown.draft = draft;
  }, [draft]);
  return (
    <div className="build-io-harness" data-testid="build-io-harness">
      <div className="build-io-row">
        <strong>{draft.dataset.title}</strong>
        <button type="button" onClick={() => setDialog('source')}>
          Add a source…
        </button>
        <button type="button" onClick={() => setDialog('csv')}>
          Import a spreadsheet…
        </button>
        <SaveStatus state={save} />
      </div>
      <DraftFiles draft={draft} onImport={(d) => setImported(d.key)} />
      {imported && <p data-testid="harness-imported">{imported}</p>}
      <DraftList currentKey={draft.key} refreshToken={save} onOpen={setDraft} />
      {dialog === 'source' && (
        <AddSourceDialog
          onAdd={(s) => {
            setDraft((d) => withSource(d, s));
            return null;
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'csv' && (
        <CsvImportDialog draft={draft} onImport={setDraft} onClose={() => setDialog(null)} />
      )}
      <pre data-testid="harness-draft" hidden>
        {JSON.stringify(draft)}
      </pre>
    </div>
  );
}

let root: Root | null = null;

export function mountHarness(draft: Draft): void {
  root?.unmount();
  let host = document.getElementById('build-io-harness');
  if (!host) {
    host = document.createElement('div');
    host.id = 'build-io-harness';
    host.className = 'build-io-harness-host';
    document.body.append(host);
  }
  root = createRoot(host);
  root.render(<Harness initial={draft} />);
}

/** The harness's draft as it is now. */
export const harnessDraft = (): Draft | null => shown.draft;
