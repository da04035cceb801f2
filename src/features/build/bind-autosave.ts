/** Saves the draft to IndexedDB as it changes (undo and redo too), so a reload or a closed tab loses nothing. */
import { createAutosave } from '../../data/draft-autosave';
import { watch } from '../../store/watch';
import type { ThreadlineStore } from '../../store/store';

export function bindAutosave(store: ThreadlineStore): () => void {
  const autosave = createAutosave({
    onError: (e) =>
      store
        .getState()
        .notify(
          'error',
          `The draft could not be saved in this browser (${e instanceof Error ? e.message : String(e)}); it stays open here.`,
        ),
  });
  const unwatch = watch(
    store,
    (s) => s.draft,
    (draft) => draft && autosave.schedule(draft),
    Object.is,
  );
  return () => {
    unwatch();
    void autosave.dispose();
  };
}
