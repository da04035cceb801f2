/**
 * Asks the browser to keep this site's storage (navigator.storage.persist), once, when the first draft
 * is saved: without it a browser may clear IndexedDB when the disk runs low, and with it the drafts
 * there. Asked then rather than on load, since before a draft there is nothing of the author's to keep.
 */

/** persistent: the browser will not clear it on its own; best-effort: it may; unknown: it cannot say. */
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

let asked: Promise<Persistence> | undefined;

export function requestPersistence(): Promise<Persistence> {
  asked ??= (async (): Promise<Persistence> => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist || !storage.persisted) return 'unknown';
    try {
      if (await storage.persisted()) return 'persistent';
      return (await storage.persist()) ? 'persistent' : 'best-effort';
    } catch {
      return 'unknown';
    }
  })();
  return asked;
}
