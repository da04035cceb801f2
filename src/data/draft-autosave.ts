/**
 * Saves a draft as it is edited: a burst of edits is written once, shortly after it ends; whatever is
 * pending is written at once when the page is hidden, and journalled synchronously when it unloads (a
 * reload, a closed tab), so the last edit is never lost. Writes run one at a time, in order, so an older
 * draft never lands over a newer one.
 */
import type { Draft } from '../model/authoring/draft';
import { journalDraft, saveDraft, warmDraftsDb } from './drafts-db';

export interface Autosave {
  /** The draft to save next (replaces one still waiting). */
  schedule(draft: Draft): void;
  /** Writes what is waiting now; resolves when every write so far is stored. */
  flush(): Promise<void>;
  /** Whether an edit is waiting or being written. */
  pending(): boolean;
  /** Writes what is waiting and stops listening to the page. */
  dispose(): Promise<void>;
}

export interface AutosaveOptions {
  delayMs?: number;
  save?: (draft: Draft) => Promise<void>;
  /** Writes a draft synchronously as the page goes; false when it could not. */
  journal?: (draft: Draft) => boolean;
  /** A failed write (storage full or disabled); the draft stays in memory and the next edit retries. */
  onError?: (error: unknown) => void;
  /** Called after each successful write, with the draft written. */
  onSaved?: (draft: Draft) => void;
}

export function createAutosave(options: AutosaveOptions = {}): Autosave {
  const { delayMs = 300, save = saveDraft, journal = journalDraft, onError, onSaved } = options;
  if (save === saveDraft) warmDraftsDb();
  let waiting: Draft | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let writing = 0;

  const write = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const draft = waiting;
    waiting = undefined;
    if (draft) {
      writing++;
      chain = chain
        .then(() => save(draft))
        .then(
          () => onSaved?.(draft),
          (e: unknown) => onError?.(e),
        )
        .finally(() => writing--);
    }
    return chain;
  };

  const onHide = () => {
    if (document.visibilityState === 'hidden') void write();
  };
  // The page is going: a write to IndexedDB would not finish, so what waits goes to the journal, which
  // the next page moves into the database. Should the journal refuse it (too large), the browser asks
  // before leaving, and the write finishes while it asks.
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (waiting && !journal(waiting)) {
      e.preventDefault();
      void write();
    }
  };
  const onPageHide = () => {
    if (waiting) journal(waiting);
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);

  return {
    schedule(draft) {
      waiting = draft;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    flush: write,
    pending: () => waiting !== undefined || writing > 0,
    dispose() {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      return write();
    },
  };
}
