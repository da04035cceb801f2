/**
 * Saves the draft being edited as it changes (see data/draft-autosave.ts): mount it where the draft is
 * edited. It reports whether the last edit is stored, and once a draft has been saved whether the
 * browser keeps that storage (it is asked then: data/storage-persistence.ts), for SaveStatus to say.
 */
import { useEffect, useRef, useState } from 'react';
import { createAutosave, type Autosave } from '../../data/draft-autosave';
import { requestPersistence, type Persistence } from '../../data/storage-persistence';
import type { Draft } from '../../model/authoring/draft';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; persistence?: Persistence }
  | { kind: 'saved'; at: string; persistence?: Persistence }
  | { kind: 'failed'; message: string };

export function useAutosave(draft: Draft | null): SaveState {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [persistence, setPersistence] = useState<Persistence | undefined>();
  const saver = useRef<Autosave | null>(null);
  // The draft last handed to the saver.
  const seen = useRef<Draft | null>(null);

  useEffect(() => {
    const autosave = createAutosave({
      onSaved: (d) => {
        setState({ kind: 'saved', at: d.updatedAt });
        void requestPersistence().then(setPersistence);
      },
      onError: (e) =>
        setState({
          kind: 'failed',
          message: `not saved in this browser (${e instanceof Error ? e.message : String(e)}); export it to keep it`,
        }),
    });
    saver.current = autosave;
    return () => {
      saver.current = null;
      void autosave.dispose();
    };
  }, []);

  useEffect(() => {
    if (!draft || draft === seen.current) return;
    seen.current = draft;
    // Opening a draft saves it too: a new draft, or one imported from a zip, is then in the list at once.
    saver.current?.schedule(draft);
    setState({ kind: 'saving' });
  }, [draft]);

  return persistence && (state.kind === 'saved' || state.kind === 'saving')
    ? { ...state, persistence }
    : state;
}
