/** "Open…" in the top bar and drag-and-drop of a bundle file anywhere on the window. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { LoadProgress } from './LoadProgress';
import type { LoadProgress as Progress } from '../../data/load-bundle';
import type { Problem } from '../../model/format/problems';
import { useStoreApi } from '../../store/context';
import { openBundleFile } from './open-bundle';
import { ProblemsDialog } from './ProblemsDialog';
import './open.css';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function OpenBundle() {
  const store = useStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [opening, setOpening] = useState('');
  const [dragging, setDragging] = useState(false);
  const [failure, setFailure] = useState<{ title: string; problems: Problem[] } | null>(null);
  // The load under way, to cancel; a second file dropped meanwhile replaces it.
  const loading = useRef<AbortController | null>(null);

  const open = useCallback(
    async (file: File) => {
      loading.current?.abort();
      const abort = new AbortController();
      loading.current = abort;
      setBusy(true);
      setFailure(null);
      setOpening(file.name);
      setProgress({ step: 'Reading', fraction: 0 });
      const onProgress = (p: Progress) => {
        if (!abort.signal.aborted) setProgress(p);
      };
      try {
        const result = await openBundleFile(file, store, onProgress, abort.signal);
        if (result.ok === 'cancelled') {
          store.getState().notify('info', `Stopped opening ${file.name}; the view is as it was.`);
        } else if (!result.ok) setFailure({ title: result.title, problems: result.problems });
      } finally {
        // A newer load owns the progress now.
        if (loading.current === abort) {
          loading.current = null;
          setBusy(false);
          setProgress(null);
        }
      }
    },
    [store],
  );
  const cancel = useCallback(() => loading.current?.abort(), []);
  // Nothing should keep loading for a page that is gone.
  useEffect(() => () => loading.current?.abort(), []);

  useEffect(() => {
    // Counting enter/leave pairs keeps the overlay up while the pointer crosses child elements.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Open a Threadline bundle (.json)"
      >
        {busy ? 'Opening…' : 'Open…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-bundle-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      {progress && (
        <div className="open-progress" role="status" aria-label="Opening the file">
          <div>
            <p className="open-progress-file">Opening {opening}</p>
            <LoadProgress progress={progress} label="Opening the file" />
          </div>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {dragging && (
        <div className="open-drop" aria-hidden="true">
          Drop a Threadline bundle to open it
        </div>
      )}
      {failure && (
        <ProblemsDialog title={failure.title} problems={failure.problems} onClose={() => setFailure(null)} />
      )}
    </>
  );
}
