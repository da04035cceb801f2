/**
 * Saves a draft as it is edited: a burst of edits is written once, shortly after it ends, and whatever
 * is pending is written at once when the page is hidden or unloaded (a reload, a closed tab), so the last
 * edit is never lost. Writes run one at a time, in order, so an older draft never lands over a newer one.
 */
import type { Draft } from '../model/authoring/draft';
import { saveDraft } from './drafts-db';

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
  /** A failed write (storage full or disabled); the draft stays in memory and the next edit retries. */
  onError?: (error: unknown) => void;
  /** Called after each successful write, with the draft written. */
  onSaved?: (draft: Draft) => void;
}

export function createAutosave(options: AutosaveOptions = {}): Autosave {
  const { delayMs = 300, save = saveDraft, onError, onSaved } = options;
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
  const onPageHide = () => void write();
  document.addEventListener('visibilitychange', onHide);
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
      window.removeEventListener('pagehide', onPageHide);
      return write();
    },
  };
}
